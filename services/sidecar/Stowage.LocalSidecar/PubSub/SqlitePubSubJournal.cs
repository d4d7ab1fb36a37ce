using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Stowage.LocalSidecar.PubSub;

/// Undelivered events and app subscriptions in the same SQLite file as the state store.
internal sealed class SqlitePubSubJournal : IPubSubJournal
{
    private readonly string _connectionString;
    private readonly Lock _gate = new();

    public SqlitePubSubJournal(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        Run("""
            CREATE TABLE IF NOT EXISTS pending_deliveries (id INTEGER PRIMARY KEY AUTOINCREMENT, delivery TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS subscriptions (app_id TEXT PRIMARY KEY, subscriptions TEXT NOT NULL);
            """, command => command.ExecuteNonQuery());
    }

    public Task<PendingDelivery> RecordAsync(PendingDelivery delivery)
    {
        var id = Run("INSERT INTO pending_deliveries (delivery) VALUES ($delivery); SELECT last_insert_rowid();", command =>
        {
            command.Parameters.AddWithValue("$delivery", JsonSerializer.Serialize(delivery));
            return (long)command.ExecuteScalar()!;
        });
        return Task.FromResult(delivery with { JournalId = id });
    }

    public Task CompleteAsync(PendingDelivery delivery)
    {
        Run("DELETE FROM pending_deliveries WHERE id = $id", command =>
        {
            command.Parameters.AddWithValue("$id", delivery.JournalId);
            return command.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PendingDelivery>> PendingAsync() =>
        Task.FromResult<IReadOnlyList<PendingDelivery>>(Run("SELECT id, delivery FROM pending_deliveries ORDER BY id", command =>
        {
            var pending = new List<PendingDelivery>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                pending.Add(JsonSerializer.Deserialize<PendingDelivery>(reader.GetString(1))! with { JournalId = reader.GetInt64(0) });
            }

            return pending;
        }));

    public Task SaveSubscriptionsAsync(string appId, IReadOnlyList<TopicSubscription> subscriptions)
    {
        Run("INSERT OR REPLACE INTO subscriptions (app_id, subscriptions) VALUES ($app, $subscriptions)", command =>
        {
            command.Parameters.AddWithValue("$app", appId);
            command.Parameters.AddWithValue("$subscriptions", JsonSerializer.Serialize(subscriptions));
            return command.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<TopicSubscription>>> LoadSubscriptionsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<TopicSubscription>>>(Run("SELECT app_id, subscriptions FROM subscriptions", command =>
        {
            var loaded = new Dictionary<string, IReadOnlyList<TopicSubscription>>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                loaded[reader.GetString(0)] = JsonSerializer.Deserialize<List<TopicSubscription>>(reader.GetString(1))!;
            }

            return loaded;
        }));

    // Journal writes are short; one serialised connection per call keeps SQLite locking out of the picture.
    private T Run<T>(string sql, Func<SqliteCommand, T> use)
    {
        lock (_gate)
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return use(command);
        }
    }
}
