package dev.homestak.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar manifest (or {@code dev} when run from classes). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"homestak " + (version == null ? "dev" : version)};
    }
}
