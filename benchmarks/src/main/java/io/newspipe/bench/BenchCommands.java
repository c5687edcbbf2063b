package io.newspipe.bench;

import io.newspipe.cli.SubcommandProvider;
import java.util.List;

/** Adds {@code bench} to {@code newspipe} when this module is on the class path. */
public final class BenchCommands implements SubcommandProvider {

    @Override
    public List<Object> subcommands() {
        return List.of(new BenchCommand());
    }
}
