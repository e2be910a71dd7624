package dev.tailgen.core.problem;

import java.util.List;
import java.util.stream.Collectors;

/** The config is wrong; carries every problem found, each formatted with file:line:column and path. */
public final class ConfigException extends TailgenException {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    @Override
    public boolean userError() {
        return true;
    }

    private static String format(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::format).collect(Collectors.joining("\n"));
    }
}
