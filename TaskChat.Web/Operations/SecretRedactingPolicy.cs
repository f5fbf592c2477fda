using System.Diagnostics.CodeAnalysis;
using Serilog.Core;
using Serilog.Events;

namespace TaskChat.Web.Operations;

/// <summary>
/// A safety net: if a request or token object is ever logged whole, its secret-bearing
/// properties are written as "***" instead of their values.
/// </summary>
internal sealed class SecretRedactingPolicy : IDestructuringPolicy
{
    private static readonly string[] SecretNames = ["password", "token", "secret", "apikey", "api_key", "authorization"];

    public bool TryDestructure(object value, ILogEventPropertyValueFactory factory, [NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        var type = value.GetType();
        if (type.IsPrimitive || value is string || !type.GetProperties().Any(p => IsSecret(p.Name)))
        {
            result = null;
            return false;
        }

        result = new StructureValue(type.GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => new LogEventProperty(p.Name, IsSecret(p.Name)
                ? new ScalarValue("***")
                : factory.CreatePropertyValue(p.GetValue(value), destructureObjects: false))));
        return true;
    }

    private static bool IsSecret(string name) =>
        SecretNames.Any(secret => name.Contains(secret, StringComparison.OrdinalIgnoreCase));
}
