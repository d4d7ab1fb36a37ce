namespace Stowage.Testing.Dapr;

/// <summary>Waits for a condition that other processes make true, with a generous limit instead of fixed sleeps.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await probe();
            if (value is not null) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(() => Task.FromResult(condition() ? "done" : null), what, timeout);

    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(async () => await condition() ? "done" : null, what, timeout);
}
