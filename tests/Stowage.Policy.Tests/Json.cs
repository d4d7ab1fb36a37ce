using System.Text.Json;
using Stowage.Common.EventSourcing;

namespace Stowage.Policy.Tests;

internal static class Json
{
    public static JsonSerializerOptions Options => EventJson.Options;
}
