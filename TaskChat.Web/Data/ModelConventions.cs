using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TaskChat.Web.Data;

internal static class ModelConventions
{
    /// <summary>
    /// The tables use snake_case columns (user_id, is_completed ...); Identity's own
    /// tables keep their usual names so that its tooling and docs still apply.
    /// </summary>
    public static void UseSnakeCaseColumns(ModelBuilder builder, params string[] tables)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (!tables.Contains(entity.GetTableName()))
            {
                continue;
            }

            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
