using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Stowage.LocalSidecar.State;

/// State kept in one SQLite file so a single-machine install survives restarts.
internal sealed class SqliteStateStore : IStateStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteStateStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS state (store TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL,
                etag INTEGER NOT NULL, PRIMARY KEY (store, key));
            CREATE TABLE IF NOT EXISTS state_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
            INSERT OR IGNORE INTO state_version (id, version) VALUES (1, 0);
            """;
        command.ExecuteNonQuery();
    }

    public async Task<StateEntry?> GetAsync(string storeName, string key, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, etag FROM state WHERE store = $store AND key = $key";
        command.Parameters.AddWithValue("$store", storeName);
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StateEntry((byte[])reader[0], reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
    }

    public async Task ApplyAsync(string storeName, IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var transaction = connection.BeginTransaction();
            foreach (var operation in operations)
            {
                if (!operation.Accepts(await GetAsync(storeName, operation.Key, cancellationToken)))
                {
                    throw new ETagMismatchException(operation.Key);
                }
            }

            foreach (var operation in operations)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.Parameters.AddWithValue("$store", storeName);
                command.Parameters.AddWithValue("$key", operation.Key);
                if (operation.IsDelete)
                {
                    command.CommandText = "DELETE FROM state WHERE store = $store AND key = $key";
                }
                else
                {
                    command.CommandText = """
                        UPDATE state_version SET version = version + 1 WHERE id = 1;
                        INSERT INTO state (store, key, value, etag) VALUES ($store, $key, $value, (SELECT version FROM state_version))
                        ON CONFLICT (store, key) DO UPDATE SET value = excluded.value, etag = excluded.etag;
                        """;
                    command.Parameters.AddWithValue("$value", operation.Value!);
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
