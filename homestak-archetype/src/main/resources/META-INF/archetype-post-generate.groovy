// Validates the archetype properties after every generation (interactive, -B, integration tests).
// archetype:generate applies a requiredProperty's validationRegex only to values typed at its prompt, so
// this script checks every value against the same regexes, read from archetype-metadata.xml (one source
// of truth). On a bad value it removes what was just generated and fails with one line per problem.
//
// Written without a single class name on purpose: the Groovy inside maven-archetype-plugin 3.4.0 resolves
// class names by reading the JDK's class files, and cannot read those of JDK 25 (a crash instead of the
// message). Classes are therefore loaded by name at run time, and the XML is matched with a regex.

def hints = [
    siteName   : "is not a site name: use lower-case letters, digits and '-', starting with a letter (e.g. -DsiteName=homelab)",
    groupId    : "is not a Maven groupId: use letters, digits, '_', '-' and '.' (e.g. -DgroupId=com.example)",
    artifactId : "is not a Maven artifactId: use letters, digits, '_', '-' and '.' (e.g. -DartifactId=homelab-site)",
    version    : "is not a Maven version (e.g. -Dversion=0.1.0-SNAPSHOT)",
    'package'  : "is not a Java package name: dot-separated identifiers (e.g. -Dpackage=com.example.homelab)",
    nodeName   : "is not a hostname: a PVE node name has letters, digits and '-' only, at most 63, not starting or ending with '-' (e.g. -DnodeName=pve)",
    apiEndpoint: "is not a PVE API URL: use https://<host>[:port] (e.g. -DapiEndpoint=https://pve.example:8006)",
    datastore  : "is not a PVE storage id: letters, digits, '-', '_' and '.', starting with a letter (e.g. -Ddatastore=local-zfs)",
]

// the archetype jar is on the context class loader during generation (not on this script's)
def loader = this.class.classLoader.loadClass('java.lang.Thread').currentThread().contextClassLoader
def metadata = loader.getResource('META-INF/maven/archetype-metadata.xml').text
def props = request.properties

def problems = []
def declared = metadata =~ /(?s)<requiredProperty key="([^"]+)">(.*?)<\/requiredProperty>/
declared.each { match ->
    def key = match[1]
    def regex = (match[2] =~ /<validationRegex>(.*?)<\/validationRegex>/).with { it.find() ? it.group(1) : '' }
    def value = props.getProperty(key) ?: ''
    if (regex && !(value ==~ regex)) {
        problems << "${key} '${value}' ${hints.get(key, 'does not match ' + regex)}".toString()
    }
}
def endpoint = props.getProperty('apiEndpoint') ?: ''
def port = endpoint =~ /:(\d+)\/?$/
if (!problems.any { it.startsWith('apiEndpoint') } && port.find() && !(port.group(1).toInteger() in 1..65535)) {
    problems << "apiEndpoint '${endpoint}' has port ${port.group(1)}: use 1-65535 (PVE listens on 8006)".toString()
}

if (problems) {
    def dir = loader.loadClass('java.io.File').newInstance(request.outputDirectory, request.artifactId)
    // Remove only a directory made of what this archetype generates, never someone's files.
    def ours = ['pom.xml', 'README.md', '.gitignore', 'site-config', 'src']
    if (dir.isDirectory() && dir.list().every { ours.contains(it) }) {
        dir.deleteDir()
    }
    throw loader.loadClass('java.lang.IllegalArgumentException')
            .newInstance('Invalid archetype properties, nothing generated: ' + problems.join('; '))
}
