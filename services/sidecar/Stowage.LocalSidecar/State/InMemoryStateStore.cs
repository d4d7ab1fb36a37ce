using System.Globalization;

namespace Stowage.LocalSidecar.State;

internal sealed class InMemoryStateStore : IStateStore
{
    private readonly Dictionary<(string Store, string Key), StateEntry> _entries = [];
    private readonly Lock _gate = new();
    private long _version;

    public Task<StateEntry?> GetAsync(string storeName, string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_entries.GetValueOrDefault((storeName, key)));
        }
    }

    public Task ApplyAsync(string storeName, IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var operation in operations)
            {
                if (!operation.Accepts(_entries.GetValueOrDefault((storeName, operation.Key))))
                {
                    throw new ETagMismatchException(operation.Key);
                }
            }

            foreach (var operation in operations)
            {
                if (operation.IsDelete)
                {
                    _entries.Remove((storeName, operation.Key));
                }
                else
                {
                    var etag = (++_version).ToString(CultureInfo.InvariantCulture);
                    _entries[(storeName, operation.Key)] = new StateEntry(operation.Value!, etag);
                }
            }
        }

        return Task.CompletedTask;
    }
}
