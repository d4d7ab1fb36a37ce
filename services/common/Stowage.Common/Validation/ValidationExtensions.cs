using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Stowage.Common.Validation;

public static class ValidationExtensions
{
    /// <summary>Validates the <typeparamref name="T"/> body of this endpoint; see <see cref="ValidationFilter{T}"/>.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
