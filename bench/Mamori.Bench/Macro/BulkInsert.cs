using System.Data.Common;
using Mamori.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mamori.Bench.Macro;

/// <summary>
/// A prepared single-row INSERT of an entity's every mapped column (owned types in the same table included), built from
/// EF Core's model so generated rows read back exactly as Mamori stored them: same columns, type mappings and value
/// converters. Integer keys the database assigns (SQLite rowids) are left out. For generating data, not for Mamori's own
/// writes: it reads properties by reflection.
/// </summary>
internal sealed class BulkInsert<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly (DbParameter Parameter, Func<object, object?> Get, ValueConverter? Converter)[] _columns;

    public BulkInsert(MamoriDb db, DbConnection connection)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        _command = connection.CreateCommand();

        var columns = new List<(IProperty Property, Func<object, object?> Get)>();
        foreach (var property in entity.GetProperties())
        {
            if (property.PropertyInfo is null || IsAssignedByDatabase(property))
                continue;
            var info = property.PropertyInfo;
            columns.Add((property, o => info.GetValue(o)));
        }
        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            var owner = navigation.PropertyInfo ?? throw new InvalidOperationException($"{navigation.Name} has no property.");
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey() && p.PropertyInfo is not null))
            {
                var info = property.PropertyInfo!;
                columns.Add((property, o => owner.GetValue(o) is { } owned ? info.GetValue(owned) : null));
            }
        }

        _columns = new (DbParameter, Func<object, object?>, ValueConverter?)[columns.Count];
        var names = new string[columns.Count];
        var placeholders = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var (property, get) = columns[i];
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            names[i] = sql.DelimitIdentifier(property.GetColumnName(table)!);
            placeholders[i] = sql.GenerateParameterName("p" + i);
            var parameter = mapping.CreateParameter(_command, placeholders[i], null, nullable: true);
            _command.Parameters.Add(parameter);
            _columns[i] = (parameter, get, mapping.Converter);
        }
        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", placeholders)})";
    }

    /// <summary>Joins the transaction the rows go into; prepares on first use.</summary>
    public DbTransaction Transaction
    {
        set
        {
            _command.Transaction = value;
            _command.Prepare();
        }
    }

    public void Insert(T row)
    {
        foreach (var (parameter, get, converter) in _columns)
        {
            var value = get(row);
            if (value is not null && converter is not null)
                value = converter.ConvertToProvider(value);
            parameter.Value = value ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();

    private static bool IsAssignedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long);
}
