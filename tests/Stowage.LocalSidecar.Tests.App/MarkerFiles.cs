namespace Stowage.LocalSidecar.Tests.App;

/// Files through which the test sees what the activities did and tells the second step when it may finish.
internal sealed class MarkerFiles(string directory)
{
    public void Append(string name, string line) => File.AppendAllLines(Path.Combine(directory, name), [line]);

    public bool Exists(string name) => File.Exists(Path.Combine(directory, name));
}
