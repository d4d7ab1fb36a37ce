using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using FluentValidation;

namespace Stowage.Common.Validation;

/// <summary>Makes FluentValidation name fields as they appear in the JSON body ("target.bucket"), not as C# members.</summary>
public static class CamelCasePropertyNames
{
    public static void Use() => ValidatorOptions.Global.PropertyNameResolver = Resolve;

    private static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression)
    {
        if (expression is not null)
        {
            var chain = FluentValidation.Internal.PropertyChain.FromExpression(expression);
            if (chain.Count > 0) return string.Join('.', chain.ToString().Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
        }
        return member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
