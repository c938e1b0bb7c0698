package dev.homestak.actions;

import dev.homestak.core.FactCodec;
import dev.homestak.core.Key;
import dev.homestak.core.Secret;
import java.util.List;

/**
 * The keys of the facts the built-in actions read and write beyond the well-known ones of
 * {@link dev.homestak.core.Facts}, all in one place: the same names and JSON shapes as the original's context keys,
 * typed values for the actions.
 */
public final class ActionKeys {

    /** {@code [{name, vmid}]} of the VMs a provisioner created (tofu or API). */
    public static final Key<List<ProvisionedVm>> PROVISIONED_VMS =
            Key.of("provisioned_vms", FactCodec.listOf(ProvisionedVm::asMap, ProvisionedVm::fromJson));
    /** {@code [{vmid, name, status, node, tags}]} found by {@link DiscoverVmsAction}. */
    public static final Key<List<DiscoveredVm>> DISCOVERED_VMS =
            Key.of("discovered_vms", FactCodec.listOf(DiscoveredVm::asMap, DiscoveredVm::fromJson));
    /**
     * The API token of the nested PVE ({@code user@realm!tokenid=secret}), written by
     * {@link CreateApiTokenAction}; held as a {@link Secret}, so a context file shows {@code ***}.
     */
    public static final Key<Secret> INNER_API_TOKEN = Key.of("inner_api_token", Secret.class);
    /** Volume id (API) or path (SSH) of the file a download action placed. */
    public static final Key<String> DOWNLOADED_FILE = Key.string("downloaded_file");
    /** File name of the image a GitHub-release download placed. */
    public static final Key<String> PACKER_IMAGE = Key.string("packer_image");
    /** The original's default VM id attribute of the nested PVE VM. */
    public static final Key<Integer> INNER_VM_ID = Key.integer("inner_vm_id");
    /** The original's default VM id attribute of the test VM (inside the nested PVE). */
    public static final Key<Integer> TEST_VM_ID = Key.integer("test_vm_id");

    private ActionKeys() {}
}
