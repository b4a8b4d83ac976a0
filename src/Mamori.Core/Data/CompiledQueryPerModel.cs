using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mamori.Data;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>) for each model it meets. A compiled query keeps what it
/// translated for the first provider it ran on; one process can hold both models (the test suite runs SQLite and
/// PostgreSQL side by side), so each model gets its own compilation.
/// </summary>
internal sealed class CompiledQueryPerModel<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> _compiled = new();

    public TQuery For(MamoriDb db) => _compiled.GetOrAdd(db.Model, _ => compile());
}
