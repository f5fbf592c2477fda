using Microsoft.EntityFrameworkCore;

namespace TaskChat.Web.Data;

/// <summary>The PostgreSQL flavour of the context; owns the migrations under Data/Migrations/Postgres.</summary>
public sealed class PostgresTaskChatDbContext(DbContextOptions<PostgresTaskChatDbContext> options)
    : TaskChatDbContext(options);
