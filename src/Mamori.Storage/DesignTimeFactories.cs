using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mamori.Storage;

// Used only by `dotnet ef migrations add` (see docs/decisions/ADR-002); the connection strings are placeholders.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMamoriDb>
{
    public SqliteMamoriDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMamoriDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMamoriDb>
{
    public PostgresMamoriDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMamoriDb>().UseNpgsql("Host=localhost;Database=mamori_design").Options);
}
