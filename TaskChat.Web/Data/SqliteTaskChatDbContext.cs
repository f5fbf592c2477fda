using Microsoft.EntityFrameworkCore;

namespace TaskChat.Web.Data;

/// <summary>The SQLite flavour of the context; owns the migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteTaskChatDbContext(DbContextOptions<SqliteTaskChatDbContext> options)
    : TaskChatDbContext(options);
