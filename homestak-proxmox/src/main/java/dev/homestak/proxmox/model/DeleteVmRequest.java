package dev.homestak.proxmox.model;

import java.util.List;
import java.util.Map;

/**
 * {@code DELETE /nodes/{node}/qemu/{vmid}} options (sent as query parameters).
 *
 * @param purge also remove the VM from backup jobs, replication and HA
 * @param destroyUnreferencedDisks also destroy disks not referenced by the config
 */
public record DeleteVmRequest(boolean purge, boolean destroyUnreferencedDisks) {

    /** Purge and destroy unreferenced disks: the clean teardown. */
    public static DeleteVmRequest thorough() {
        return new DeleteVmRequest(true, true);
    }

    /** Given options. */
    public static DeleteVmRequest of(boolean purge, boolean destroyUnreferencedDisks) {
        return new DeleteVmRequest(purge, destroyUnreferencedDisks);
    }

    /** The query parameters PVE receives. */
    public List<Map.Entry<String, String>> form() {
        return new FormFields()
                .put("purge", purge)
                .put("destroy-unreferenced-disks", destroyUnreferencedDisks)
                .build();
    }
}
