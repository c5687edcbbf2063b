package io.newspipe.cli;

import java.util.List;

/**
 * Commands a module on the class path adds to {@code newspipe}, found with {@link java.util.ServiceLoader}: the
 * demo module adds {@code demo} and {@code up}, the benchmarks module {@code bench}. The runtime image holds
 * neither module, so its {@code newspipe} has the production commands only.
 */
public interface SubcommandProvider {

    /** Picocli command objects (classes annotated with {@code @Command}), in the order {@code --help} lists them. */
    List<Object> subcommands();
}
