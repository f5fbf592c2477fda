using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TaskChat.Web.Data;

// Used only by `dotnet ef migrations add`, one factory per provider (see README).
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTaskChatDbContext>
{
    public SqliteTaskChatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTaskChatDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTaskChatDbContext>
{
    public PostgresTaskChatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTaskChatDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
