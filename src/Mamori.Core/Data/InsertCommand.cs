using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mamori.Data;

/// <summary>
/// A prepared INSERT of one entity's row, written by ADO.NET below EF Core (no change tracking on the hot path) but
/// generated from EF Core's model: the table, the column names and each column's type mapping and value converter
/// (a DateTimeOffset is a number on SQLite, a timestamptz on PostgreSQL), so it always matches the migrations.
/// </summary>
internal sealed class InsertCommand<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly (DbParameter Parameter, Func<T, object?> Value, ValueConverter? Converter)[] _columns;

    /// <param name="suffix">SQL after the VALUES list, e.g. an ON CONFLICT clause.</param>
    public InsertCommand(MamoriDb db, DbTransaction transaction, string suffix, params (string Property, Func<T, object?> Value)[] columns)
        : this(db, transaction.Connection!, suffix, [.. columns.Select(c => (Property(db, c.Property), c.Value))])
    {
        Transaction = transaction;
    }

    private InsertCommand(MamoriDb db, DbConnection connection, string suffix, IReadOnlyList<(IProperty Property, Func<T, object?> Value)> columns)
        : this(connection, Shape.Of(db, suffix, columns))
    {
    }

    private InsertCommand(DbConnection connection, Shape shape)
    {
        _command = connection.CreateCommand();
        _command.CommandText = shape.Sql;
        _columns = new (DbParameter, Func<T, object?>, ValueConverter?)[shape.Columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            var (mapping, placeholder, value) = shape.Columns[i];
            var parameter = mapping.CreateParameter(_command, placeholder, null, nullable: true);
            _command.Parameters.Add(parameter);
            _columns[i] = (parameter, value, mapping.Converter);
        }
    }

    /// <summary>The statement and, per column, its type mapping, parameter name and how to read the value.</summary>
    private sealed record Shape(string Sql, (RelationalTypeMapping Mapping, string Placeholder, Func<T, object?> Value)[] Columns)
    {
        public static Shape Of(MamoriDb db, string suffix, IReadOnlyList<(IProperty Property, Func<T, object?> Value)> columns)
        {
            var entity = Entity(db);
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var shaped = new (RelationalTypeMapping, string, Func<T, object?>)[columns.Count];
            var names = new string[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var (property, value) = columns[i];
                names[i] = sql.DelimitIdentifier(property.GetColumnName(table)!);
                shaped[i] = ((RelationalTypeMapping)property.GetTypeMapping(), sql.GenerateParameterName("p" + i), value);
            }
            return new Shape($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) " +
                $"VALUES ({string.Join(", ", shaped.Select(c => c.Item2))}) {suffix}", shaped);
        }
    }

    // The model does not change while a process runs: the all-columns statement is worked out once per model (the
    // audit writer builds one per commit).
    private static readonly ConcurrentDictionary<IModel, Shape> AllColumns = new();

    /// <summary>
    /// Every mapped column of the entity (owned types in the same table included) read by reflection, leaving out integer
    /// keys the database assigns: rows read back exactly as EF Core would have stored them. Join a transaction
    /// (<see cref="Transaction"/>) before the first row.
    /// </summary>
    public static InsertCommand<T> ForAllColumns(MamoriDb db, DbConnection connection) =>
        new(connection, AllColumns.GetOrAdd(db.Model, _ => Shape.Of(db, "", AllColumnsOf(db))));

    private static List<(IProperty, Func<T, object?>)> AllColumnsOf(MamoriDb db)
    {
        var entity = Entity(db);
        var columns = new List<(IProperty, Func<T, object?>)>();
        foreach (var property in entity.GetProperties().Where(p => p.PropertyInfo is not null && !AssignedByDatabase(p)))
        {
            var info = property.PropertyInfo!;
            columns.Add((property, row => info.GetValue(row)));
        }
        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            var owner = navigation.PropertyInfo ?? throw new InvalidOperationException($"{navigation.Name} has no property.");
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey() && p.PropertyInfo is not null))
            {
                var info = property.PropertyInfo!;
                columns.Add((property, row => owner.GetValue(row) is { } owned ? info.GetValue(owned) : null));
            }
        }
        return columns;
    }

    /// <summary>The transaction the rows go into; the statement is prepared for it.</summary>
    public DbTransaction Transaction
    {
        set
        {
            _command.Transaction = value;
            _command.Prepare();
        }
    }

    /// <summary>Inserts one row; returns the rows affected (0 when an ON CONFLICT clause skipped it).</summary>
    public int Execute(T row)
    {
        foreach (var (parameter, get, converter) in _columns)
        {
            var value = get(row);
            if (value is not null && converter is not null)
                value = converter.ConvertToProvider(value);
            parameter.Value = value ?? DBNull.Value;
        }
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();

    private static IEntityType Entity(MamoriDb db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    private static IProperty Property(MamoriDb db, string name) =>
        Entity(db).FindProperty(name) ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} is not mapped.");

    private static bool AssignedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long);
}
