namespace Stowage.Testing.S3;

internal static class CephConfigFile
{
    public const string MonitorName = "mon.a";
    public const string OsdName = "osd.0";
    public const string GatewayName = "client.rgw";

    public static string Render(ClusterWorkspace ws, Guid fsid, int monitorPort, RadosGatewayOptions options) =>
        $"""
        [global]
        fsid = {fsid}
        mon_host = v2:127.0.0.1:{monitorPort}
        ms_bind_msgr1 = false
        ms_bind_ipv6 = false
        # A taken port fails at once instead of after three 5 s retries; the caller picks new ports.
        ms_bind_retry_count = 1
        auth_cluster_required = cephx
        auth_service_required = cephx
        auth_client_required = cephx
        auth_allow_insecure_global_id_reclaim = false
        keyring = {ws.Keyring}
        run_dir = {ws.RunDirectory}
        admin_socket = {ws.RunDirectory}/$name.asok
        pid_file = {ws.RunDirectory}/$name.pid
        log_file = {ws.LogDirectory}/$name.log
        mon_cluster_log_file = {ws.LogDirectory}/cluster.log
        crash_dir = {ws.CrashDirectory}
        osd_pool_default_size = 1
        osd_pool_default_min_size = 1
        mon_allow_pool_size_one = true
        mon_warn_on_pool_no_redundancy = false
        osd_pool_default_pg_num = 8
        osd_pool_default_pgp_num = 8
        osd_pool_default_pg_autoscale_mode = off
        osd_crush_chooseleaf_type = 0
        # radosgw creates its pools one by one at first start; the default 1 s Paxos batching makes that take ~9 s.
        paxos_propose_interval = 0.05
        # The monitor stops itself when its disk is nearly full; on a busy CI disk that would look like a hung S3 server.
        mon_data_avail_crit = 0

        [mon]
        mon_data = {ws.MonitorData}

        [osd]
        osd_data = {ws.OsdData}
        osd_objectstore = {options.ObjectStore}
        bluestore_block_path = {ws.OsdBlockFile}
        bluestore_block_size = {options.CapacityBytes}
        bluestore_block_create = true
        # Checking a store created a moment ago finds nothing and adds ~1 s to every start.
        bluestore_fsck_on_mkfs = false
        memstore_device_bytes = {options.CapacityBytes}
        # The smallest target Ceph allows; the default of 4 GiB is far more than tests need.
        osd_memory_target = 939524096

        [client.rgw]
        rgw_data = {ws.GatewayData}
        # Lets tests use SSE-C over plain HTTP on loopback.
        rgw_crypt_require_ssl = false

        """;
}
