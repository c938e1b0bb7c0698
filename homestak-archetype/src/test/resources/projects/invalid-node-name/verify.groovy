// archetype:generate -B with an invalid nodeName: the build failed (invoker.buildResult), with one clear line
// naming the property, the value, the rule and an example, no stack trace, and nothing generated.
def log = new File(basedir, 'build.log').text
def expected = "Invalid archetype properties, nothing generated: nodeName 'pve_01.lab' is not a hostname: " +
        "a PVE node name has letters, digits and '-' only, at most 63, not starting or ending with '-' (e.g. -DnodeName=pve)"
assert log.contains(expected) : "build.log lacks the validation message:\n" + log
assert !(log =~ /(?m)^\s+at [a-z]+\./) : "build.log shows a stack trace:\n" + log
assert !new File(basedir, 'bad-site').exists() : 'a project was generated despite the invalid nodeName'
return true
