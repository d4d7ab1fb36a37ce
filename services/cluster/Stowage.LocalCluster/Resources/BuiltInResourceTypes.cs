namespace Stowage.LocalCluster.Resources;

internal static class BuiltInResourceTypes
{
    public static readonly FakeResourceType Namespaces = new("", "v1", "Namespace", "namespaces", false, ["ns"]);

    public static readonly FakeResourceType CustomResourceDefinitions =
        new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, ["crd", "crds"]);

    public static readonly FakeResourceType Pods = new("", "v1", "Pod", "pods", true, ["po"]);

    public static readonly FakeResourceType Secrets = new("", "v1", "Secret", "secrets", true);

    public static readonly FakeResourceType ServiceAccounts = new("", "v1", "ServiceAccount", "serviceaccounts", true, ["sa"]);

    public static readonly FakeResourceType Roles = new("rbac.authorization.k8s.io", "v1", "Role", "roles", true);

    public static readonly FakeResourceType RoleBindings = new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true);

    public static readonly FakeResourceType ClusterRoles = new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false);

    public static readonly FakeResourceType ClusterRoleBindings =
        new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false);

    public static IEnumerable<FakeResourceType> Core() =>
    [
        Namespaces,
        Pods,
        new("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, ["pvc"]),
        new("", "v1", "PersistentVolume", "persistentvolumes", false, ["pv"]),
        new("", "v1", "Service", "services", true, ["svc"]),
        new("", "v1", "ConfigMap", "configmaps", true, ["cm"]),
        Secrets,
        ServiceAccounts,
        new("", "v1", "Endpoints", "endpoints", true, ["ep"]),
        new("", "v1", "Node", "nodes", false, ["no"]),
        new("", "v1", "Event", "events", true, ["ev"]),
        new("apps", "v1", "StatefulSet", "statefulsets", true, ["sts"]),
        new("apps", "v1", "Deployment", "deployments", true, ["deploy"]),
        new("apps", "v1", "DaemonSet", "daemonsets", true, ["ds"]),
        new("apps", "v1", "ReplicaSet", "replicasets", true, ["rs"]),
        new("batch", "v1", "Job", "jobs", true),
        new("batch", "v1", "CronJob", "cronjobs", true, ["cj"]),
        new("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, ["sc"]),
        new("storage.k8s.io", "v1", "CSIDriver", "csidrivers", false),
        Roles,
        RoleBindings,
        ClusterRoles,
        ClusterRoleBindings,
        new("networking.k8s.io", "v1", "Ingress", "ingresses", true, ["ing"]),
        new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, ["pdb"]),
        CustomResourceDefinitions,
    ];

    /// <summary>In a real cluster these come from the external-snapshotter's CRDs.</summary>
    public static IEnumerable<FakeResourceType> Snapshots() =>
    [
        new("snapshot.storage.k8s.io", "v1", "VolumeSnapshotClass", "volumesnapshotclasses", false, ["vsclass", "vsclasses"]),
        new("snapshot.storage.k8s.io", "v1", "VolumeSnapshot", "volumesnapshots", true, ["vs"]),
        new("snapshot.storage.k8s.io", "v1", "VolumeSnapshotContent", "volumesnapshotcontents", false, ["vsc", "vscs"]),
    ];
}
