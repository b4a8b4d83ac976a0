using System.Data;
using Mamori.Data;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Hardening;

/// <summary>Contexts are pooled and, on SQLite, hold one connection for their scope (ADR-014): nothing may outlive the scope.</summary>
public abstract class ContextPoolTests<THost>(THost host) where THost : MamoriHost
{
    [Fact]
    public async Task A_scope_s_connection_is_closed_when_the_scope_ends()
    {
        System.Data.Common.DbConnection connection;
        bool sqlite;
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MamoriDb>();
            sqlite = db.Database.IsSqlite();
            await db.PolicyVersions.CountAsync(TestContext.Current.CancellationToken);
            connection = db.Database.GetDbConnection();
            // SQLite keeps the scope's connection open between queries; Npgsql's pool hands one out per query.
            Assert.Equal(sqlite ? ConnectionState.Open : ConnectionState.Closed, connection.State);
        }
        Assert.Equal(ConnectionState.Closed, connection.State);
    }
}

public sealed class ContextPoolOnSqlite(SqliteHost host) : ContextPoolTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ContextPoolOnPostgres(PostgresHost host) : ContextPoolTests<PostgresHost>(host), IClassFixture<PostgresHost>;
