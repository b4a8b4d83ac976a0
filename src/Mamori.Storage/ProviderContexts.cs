using Mamori.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mamori.Storage;

// One derived context per provider so that each keeps its own migrations (SQLite and PostgreSQL differ in
// types and in how schema changes are made). Nothing else differs: the model lives in MamoriDb.

public sealed class SqliteMamoriDb(DbContextOptions<SqliteMamoriDb> options) : MamoriDb(options)
{
    // SQLite has no date type: store instants as sortable integers so ORDER BY and range queries work.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class PostgresMamoriDb(DbContextOptions<PostgresMamoriDb> options) : MamoriDb(options);
