"""A VM lifecycle through proxmoxer, as a third-party script would drive a PVE node.

Environment: PVE_HOST, PVE_PORT, PVE_TOKEN (user@realm!name=value), PVE_CA (PEM file to verify the
certificate with). Prints one 'ok <step>' line per step; any failure raises (exit code 1).
"""
import os
import re
import time

from proxmoxer import ProxmoxAPI

user_token, value = os.environ["PVE_TOKEN"].split("=", 1)
user, token_name = user_token.split("!", 1)
pve = ProxmoxAPI(os.environ["PVE_HOST"], port=int(os.environ["PVE_PORT"]), user=user, token_name=token_name,
                 token_value=value, verify_ssl=os.environ["PVE_CA"], timeout=30)


def wait(node, upid, expect="OK"):
    deadline = time.time() + 30
    while time.time() < deadline:
        status = pve.nodes(node).tasks(upid).status.get()
        if status["status"] == "stopped":
            assert status["exitstatus"] == expect, status
            return status
        time.sleep(0.05)
    raise AssertionError("task did not end: " + upid)


def ok(step):
    print("ok " + step, flush=True)


node = pve.nodes.get()[0]["node"]
assert pve.version.get()["release"] == "9.1"
ok("version and nodes")

vmid = int(pve.cluster.nextid.get())
wait(node, pve.nodes(node).qemu.post(vmid=vmid, name="proxmoxer", memory=1024, cores=1, agent="enabled=1",
                                      net0="virtio,bridge=vmbr0", scsi0="local-lvm:4"))
config = pve.nodes(node).qemu(vmid).config.get()
mac = re.match(r"virtio=([0-9A-F:]{17}),bridge=vmbr0$", config["net0"]).group(1)
assert mac.startswith("BC:24:11:"), config["net0"]
ok("create, MAC " + mac)

pve.nodes(node).qemu(vmid).config.put(description="made by proxmoxer", digest=config["digest"])
assert pve.nodes(node).qemu(vmid).config.get()["description"] == "made by proxmoxer"
ok("update config")

wait(node, pve.nodes(node).qemu(vmid).status.start.post())
assert pve.nodes(node).qemu(vmid).status.current.get()["status"] == "running"
deadline = time.time() + 30
while True:
    try:
        nics = pve.nodes(node).qemu(vmid).agent("network-get-interfaces").get()["result"]
        break
    except Exception:
        if time.time() > deadline:
            raise
        time.sleep(0.05)
assert any(n["hardware-address"].upper() == mac for n in nics), nics
ok("start, agent reports the MAC")

wait(node, pve.nodes(node).qemu(vmid).snapshot.post(snapname="s1", description="first"))
names = [s["name"] for s in pve.nodes(node).qemu(vmid).snapshot.get()]
assert names == ["s1", "current"], names
wait(node, pve.nodes(node).qemu(vmid).snapshot("s1").rollback.post())
wait(node, pve.nodes(node).qemu(vmid).snapshot("s1").delete())
ok("snapshot create, list, rollback, delete")

tasks = pve.nodes(node).tasks.get(vmid=vmid)
assert {t["type"] for t in tasks} >= {"qmcreate", "qmstart", "qmsnapshot"}, tasks
assert [s["storage"] for s in pve.storage.get()] == ["local", "local-lvm"]
assert "vmbr0" in [n["iface"] for n in pve.nodes(node).network.get(type="bridge")]
assert "root@pam" in [u["userid"] for u in pve.access.users.get()]
ok("tasks, storage, network, users")

wait(node, pve.nodes(node).qemu(vmid).status.stop.post())
wait(node, pve.nodes(node).qemu(vmid).delete())
assert vmid not in [v["vmid"] for v in pve.nodes(node).qemu.get()]
ok("stop, delete")

try:
    pve.nodes("simnode").status.get()
    raise AssertionError("unknown node accepted")
except Exception as e:
    assert "hostname lookup 'simnode' failed" in str(e), str(e)
ok("unknown node refused")
