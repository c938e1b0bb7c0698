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
return true
