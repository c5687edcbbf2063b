package io.newspipe.demo;

import io.newspipe.cli.SubcommandProvider;
import java.util.List;

/** Adds {@code demo} and {@code up} to {@code newspipe} when this module is on the class path. */
public final class DemoCommands implements SubcommandProvider {

    @Override
    public List<Object> subcommands() {
        return List.of(new DemoCommand(), new UpCommand());
    }
}
