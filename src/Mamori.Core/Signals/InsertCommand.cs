using System.Data.Common;
using Mamori.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mamori.Signals;

/// <summary>
/// A prepared INSERT of one entity's row, written by ADO.NET below EF Core (no change tracking on the hot path) but
/// generated from EF Core's model: the table, the column names and each column's type mapping and value converter
/// (a DateTimeOffset is a number on SQLite, a timestamptz on PostgreSQL), so it always matches the migrations.
/// </summary>
internal sealed class InsertCommand<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;

    private sealed record Column(DbParameter Parameter, Func<T, object?> Value, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter);

    /// <param name="suffix">SQL after the VALUES list, e.g. an ON CONFLICT clause.</param>
    public InsertCommand(MamoriDb db, DbTransaction transaction, string suffix, params (string Property, Func<T, object?> Value)[] columns)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _columns = new Column[columns.Length];
        var names = new string[columns.Length];
        var placeholders = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var property = entity.FindProperty(columns[i].Property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{columns[i].Property} is not mapped.");
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            names[i] = sql.DelimitIdentifier(property.GetColumnName(table)!);
            placeholders[i] = sql.GenerateParameterName("p" + i);
            var parameter = mapping.CreateParameter(_command, placeholders[i], null, nullable: true);
            _command.Parameters.Add(parameter);
            _columns[i] = new Column(parameter, columns[i].Value, mapping.Converter);
        }
        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) " +
            $"VALUES ({string.Join(", ", placeholders)}) {suffix}";
        _command.Prepare();
    }

    /// <summary>Inserts one row; returns the rows affected (0 when an ON CONFLICT clause skipped it).</summary>
    public int Execute(T row)
    {
        foreach (var column in _columns)
        {
            var value = column.Value(row);
            if (value is not null && column.Converter is { } converter)
                value = converter.ConvertToProvider(value);
            column.Parameter.Value = value ?? DBNull.Value;
        }
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
