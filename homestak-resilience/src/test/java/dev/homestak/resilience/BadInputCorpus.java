package dev.homestak.resilience;

import static dev.homestak.resilience.BadInput.cli;
import static dev.homestak.resilience.BadInput.resolve;
import static dev.homestak.resilience.BadInput.show;

import java.util.List;
import java.util.Map;

/** The corpus: malformed site-config files, secrets files and command lines, each with its expected line. */
final class BadInputCorpus {

    private static final String PVE = "nodes/pve.yaml";
    private static final String NODE = "api_endpoint: \"https://localhost:8006\"\napi_token: pve\n";

    private BadInputCorpus() {}

    static List<BadInput> siteConfigs() {
        return List.of(
                show(
                        "node: YAML syntax error",
                        PVE,
                        "api_endpoint: [\"https://x:8006\"\n",
                        "nodes/pve\\.yaml:\\d+:\\d+: YAML syntax error"),
                show(
                        "node: empty file",
                        PVE,
                        "",
                        "nodes/pve\\.yaml: file is empty; expected a YAML mapping \\(write \\{\\} for an empty one\\)"),
                show("node: a list, not a mapping", PVE, "- a\n- b\n", "nodes/pve\\.yaml.*mapping"),
                show("node: a bare scalar", PVE, "just text\n", "nodes/pve\\.yaml.*mapping"),
                show("node: api_endpoint missing", PVE, "api_token: pve\n", "nodes/pve\\.yaml.*'api_endpoint'"),
                show(
                        "node: api_endpoint not a URL",
                        PVE,
                        "api_endpoint: \"not a url\"\n",
                        "nodes/pve\\.yaml:1: 'api_endpoint'"),
                show(
                        "node: unknown provisioner",
                        PVE,
                        NODE + "provisioner: terraform\n",
                        "nodes/pve\\.yaml:3: 'provisioner' must be 'tofu' or 'api', not 'terraform'"),
                show(
                        "node: bad TLS fingerprint",
                        PVE,
                        NODE + "tls_fingerprint: \"AB:CD\"\n",
                        "nodes/pve\\.yaml:3: 'tls_fingerprint'"),
                show(
                        "node: TLS CA file missing",
                        PVE,
                        NODE + "tls_ca_file: ca/nope.pem\n",
                        "nodes/pve\\.yaml:3: 'tls_ca_file'.*nope\\.pem"),
                show(
                        "node: SSH port out of range",
                        PVE,
                        NODE + "vm_ssh_port: 70000\n",
                        "nodes/pve\\.yaml:3: 'vm_ssh_port'.*65535"),
                show("node: insecure not a boolean", PVE, NODE + "insecure: maybe\n", "nodes/pve\\.yaml:3: 'insecure'"),
                show(
                        "node: duplicate key",
                        PVE,
                        NODE + "api_token: other\n",
                        "nodes/pve\\.yaml:3:1: duplicate key 'api_token'"),
                show(
                        "node: tab indentation",
                        PVE,
                        "api_endpoint: \"https://localhost:8006\"\n\tapi_token: pve\n",
                        "nodes/pve\\.yaml:\\d+:\\d+: YAML syntax error"),
                show(
                        "node: a directory in the file's place",
                        "nodes/extra.yaml",
                        BadInput.DIRECTORY,
                        "nodes/extra\\.yaml: cannot read: it is a directory, not a file"),
                show("site: defaults is a list", "site.yaml", "defaults:\n  - a\n", "site\\.yaml.*'defaults'"),
                show(
                        "site: unclosed quote",
                        "site.yaml",
                        "defaults:\n  domain: \"local\n",
                        "site\\.yaml:\\d+:\\d+: YAML syntax error"),
                show(
                        "vm template: cores not a number",
                        "vms/test.yaml",
                        "cores: many\n",
                        "vms/test\\.yaml:1: 'cores' must be a whole number, not text"),
                show(
                        "vm template: memory negative text",
                        "vms/test.yaml",
                        "memory: [1, 2]\n",
                        "vms/test\\.yaml:1: 'memory' must be a whole number"),
                resolve(
                        "vm template: unknown preset",
                        "vms/test.yaml",
                        "preset: tiny\n",
                        "vms/test\\.yaml: 'preset' names unknown preset 'tiny' \\(available: large, medium, small, xlarge, xsmall\\)"),
                show(
                        "env: static IP without prefix",
                        "envs/test.yaml",
                        "vmid_base: 99900\nvms:\n  - name: test\n    ip: 10.0.12.5\n",
                        "envs/test\\.yaml:4: 'vms\\[0\\]\\.ip' is '10\\.0\\.12\\.5': static IPs must use CIDR notation"),
                show(
                        "env: IP octet above 255",
                        "envs/test.yaml",
                        "vms:\n  - name: test\n    ip: 300.0.0.1/24\n",
                        "envs/test\\.yaml:3: 'vms\\[0\\]\\.ip'"),
                resolve(
                        "env: unknown template",
                        "envs/test.yaml",
                        "vms:\n  - name: test\n    template: tset\n",
                        "envs/test\\.yaml:3: 'vms\\[0\\]\\.template' names unknown template 'tset'"),
                show(
                        "env: VM without a name",
                        "envs/test.yaml",
                        "vms:\n  - template: test\n",
                        "envs/test\\.yaml:2: 'vms\\[0\\]\\.name'"),
                show("env: vms not a list", "envs/test.yaml", "vms: test\n", "envs/test\\.yaml:1: 'vms'"),
                show(
                        "env: vmid_base text",
                        "envs/test.yaml",
                        "vmid_base: lots\nvms: []\n",
                        "envs/test\\.yaml:1: 'vmid_base'"),
                resolve(
                        "node: api_token names no secret",
                        PVE,
                        NODE.replace("api_token: pve", "api_token: nosuch"),
                        "secrets\\.yaml: 'api_tokens\\.nosuch' is not set, but node 'pve' needs it.*make decrypt"));
    }

    static List<BadInput> secretsFiles() {
        return List.of(
                show(
                        "secrets: YAML syntax error",
                        "secrets.yaml",
                        "api_tokens:\n  pve: \"root@pam!x=1\n",
                        "secrets\\.yaml:\\d+:\\d+: YAML syntax error"),
                show("secrets: a list", "secrets.yaml", "- root@pam!x=1\n", "secrets\\.yaml.*mapping"),
                show(
                        "secrets: api_tokens a list",
                        "secrets.yaml",
                        "api_tokens:\n  - root@pam!x=1\n",
                        "secrets\\.yaml:\\d+: 'api_tokens'"),
                show(
                        "secrets: a token that is a mapping",
                        "secrets.yaml",
                        "api_tokens:\n  pve: {a: 1}\n",
                        "secrets\\.yaml:\\d+: 'api_tokens\\.pve'"),
                show(
                        "secrets: SOPS-encrypted without an age key",
                        "secrets.yaml",
                        "api_tokens:\n  pve: ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]\nsops:\n  age:\n    - recipient: age1xyz\n      enc: |\n        x\n  mac: ENC[AES256_GCM,data:x,iv:y,tag:z,type:str]\n  version: 3.9.0\n",
                        "secrets\\.yaml: cannot decrypt"),
                show("secrets: empty file", "secrets.yaml", "", "secrets\\.yaml: file is empty"));
    }

    static List<BadInput> commandLines() {
        return List.of(
                cli("unknown option", "Unknown option: '--bogus' \\(see 'homestak --help'\\)", "--bogus"),
                cli(
                        "unknown scenario",
                        "Unknown scenario: nope\\. Available: bootstrap-install, ",
                        "--scenario",
                        "nope",
                        "--host",
                        "sim"),
                cli(
                        "scenario without host",
                        "scenario simple-vm-roundtrip needs a host: add --host HOST",
                        "--scenario",
                        "simple-vm-roundtrip"),
                cli(
                        "unknown phase to skip",
                        "Unknown phase 'strat' for scenario simple-vm-roundtrip\\. Valid phases: ensure_image, ",
                        "--scenario",
                        "simple-vm-roundtrip",
                        "--host",
                        "sim",
                        "--skip",
                        "strat"),
                cli(
                        "timeout not a number",
                        "Invalid value for option '--timeout'.*got 'abc'",
                        "-S",
                        "simple-vm-roundtrip",
                        "-H",
                        "sim",
                        "--timeout",
                        "abc"),
                cli(
                        "timeout zero",
                        "Invalid value for option '--timeout'",
                        "-S",
                        "simple-vm-roundtrip",
                        "-H",
                        "sim",
                        "--timeout",
                        "0"),
                cli(
                        "cleanup policy unknown",
                        "Invalid value for option '--cleanup'.*sometimes",
                        "-S",
                        "simple-vm-roundtrip",
                        "-H",
                        "sim",
                        "--cleanup",
                        "sometimes"),
                cli(
                        "vm-id malformed",
                        "Invalid value for option '--vm-id'",
                        "-S",
                        "simple-vm-roundtrip",
                        "-H",
                        "sim",
                        "--vm-id",
                        "test"),
                cli(
                        "unknown host",
                        "unknown host 'nope' \\(available: mother, nested-pve, pve\\)",
                        "config",
                        "show",
                        "--host",
                        "nope",
                        "--site-config",
                        BadInput.SITE),
                cli(
                        "unknown env",
                        "unknown env 'prod' \\(available: ansible-test, dev, k8s, nested-pve, test\\)",
                        "config",
                        "resolve",
                        "--env",
                        "prod",
                        "--host",
                        "pve",
                        "--site-config",
                        BadInput.SITE),
                cli(
                        "site-config path missing",
                        "site-config not found \\(searched .*/nope\\)",
                        "config",
                        "show",
                        "--host",
                        "pve",
                        "--site-config",
                        "nope"),
                cli("HOMESTAK_SITE_CONFIG not a directory", "HOMESTAK_SITE_CONFIG", "config", "show", "--host", "pve")
                        .withEnv("HOMESTAK_SITE_CONFIG", "/nonexistent/site-config"),
                new BadInput(
                        "context file not JSON",
                        Map.of("./ctx.json", "{\"vm_ip\": "),
                        List.of("-S", "simple-vm-roundtrip", "-H", "sim", "-C", "ctx.json"),
                        Map.of(),
                        "ctx\\.json"),
                cli("config show without host", "--host", "config", "show", "--site-config", BadInput.SITE),
                cli(
                        "unknown subcommand argument",
                        "Unknown option: '--nope'",
                        "config",
                        "show",
                        "--host",
                        "pve",
                        "--nope"));
    }
}
