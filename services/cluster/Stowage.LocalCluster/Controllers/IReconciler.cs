namespace Stowage.LocalCluster.Controllers;

/// <summary>One controller of the stand-in cluster: compares what is stored with what should be, and closes the gap.</summary>
internal interface IReconciler
{
    void Reconcile(DateTimeOffset now);
}
