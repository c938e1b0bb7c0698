// The defaults, including those derived from other properties (artifactId from siteName, apiEndpoint from
// nodeName, package from groupId), as documented in homestak-archetype/README.md.
def project = new File(basedir, 'homelab-site')
assert project.isDirectory() : 'archetype:generate -B did not create homelab-site'
def pom = new File(project, 'pom.xml').text
assert pom.contains('<groupId>com.example</groupId>')
assert pom.contains('<artifactId>homelab-site</artifactId>')
assert pom.contains('<version>0.1.0-SNAPSHOT</version>')
def node = new File(project, 'site-config/nodes/pve.yaml').text
assert node.contains('api_endpoint: "https://pve:8006"') : node
assert node.contains('api_token: pve') : node
assert node.contains('datastore: local-zfs') : node
assert new File(project, 'src/main/java/com/example/SiteScenarios.java').isFile()
assert new File(project, '.gitignore').text.contains('site-config/secrets.yaml')
assert new File(project, 'site-config/.sops.yaml').isFile()
// today's layout (manifests/, presets/, specs/, postures/), not the seed's envs/ and vms/
def site = new File(project, 'site-config')
['site.yaml', 'secrets.yaml.example', 'manifests/n1-push.yaml', 'manifests/n2-push.yaml',
 'presets/vm-xsmall.yaml', 'presets/vm-small.yaml', 'presets/vm-medium.yaml', 'presets/vm-large.yaml',
 'presets/vm-xlarge.yaml', 'specs/base.yaml', 'specs/pve.yaml', 'postures/dev.yaml'].each {
    assert new File(site, it).isFile() : "site-config/${it} was not generated"
}
assert !new File(site, 'envs').exists() && !new File(site, 'vms').exists() : 'the seed layout (envs/, vms/) was generated'
def n1 = new File(site, 'manifests/n1-push.yaml').text
assert n1.contains('name: n1-push') && n1.contains('preset: vm-small') : n1
assert n1.contains('homestak manifest test -M n1-push -H pve --site-config site-config') : n1
def n2 = new File(site, 'manifests/n2-push.yaml').text
assert n2.contains('type: pve') && n2.contains('image: pve-9') && n2.contains('parent: root-pve') : n2
def siteYaml = new File(site, 'site.yaml').text
assert siteYaml.contains('host_user: root') && !siteYaml.contains('ssh_user:') : siteYaml
assert pom.contains('<artifactId>homestak-manifests</artifactId>')
assert new File(project, 'src/main/java/com/example/SiteManifests.java').isFile()
assert new File(project, 'src/test/java/com/example/SiteManifestsTest.java').isFile()
return true
