package org.tcpsim.scenario.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.load.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tcpsim} command line. Exit status: 0 success; 1 an expectation failed; 2 bad input
 * or usage; 3 internal error.
 */
@Command(
    name = "tcpsim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A discrete-event TCP network simulator.",
    subcommands = {
      Main.Run.class,
      SweepCommand.class,
      CollectCommand.class,
      Main.Validate.class,
      Main.ListScenarios.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  public static final int OK = 0;
  public static final int EXPECTATION_FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL_ERROR = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit status. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> INTERNAL_ERROR);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("tcpsim: " + ex.getMessage());
      err.println("Try 'tcpsim " + commandPath(ex.getCommandLine()) + "--help' for usage.");
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      err.println("tcpsim: internal error: " + ex);
      err.println("This is a bug in tcpsim; please report it with the command line above.");
      return INTERNAL_ERROR;
    });
    return cl.execute(args);
  }

  private static String commandPath(CommandLine cl) {
    String path = cl.getCommandSpec().qualifiedName(" ");
    path = path.startsWith("tcpsim") ? path.substring("tcpsim".length()).strip() : path;
    return path.isEmpty() ? "" : path + " ";
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  /** The jar's version, or {@code development build} when run from classes. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"tcpsim " + (v == null ? "(development build)" : v)};
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Run one scenario file, print a summary and check its expectations.",
          "Exit status: 0 every expectation held; 1 one failed (each is printed); 2 bad input; "
              + "3 internal error."})
  static final class Run implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin RunOptions options;

    @Override
    public Integer call() {
      return new RunCommand(options, spec.commandLine().getOut(), spec.commandLine().getErr())
          .call();
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check scenario files without running them: prints 'FILE: ok' for each good "
          + "file and every problem as FILE:LINE:COL: message; exit status 2 if any file has a "
          + "problem.")
  static final class Validate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "1..*", paramLabel = "FILE",
        description = "Scenario files to check.")
    java.util.List<String> files;

    @CommandLine.Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "Override a key by its path before checking, e.g. hosts.B.tcp.backlog=64.")
    java.util.List<String> sets = new java.util.ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int status = OK;
      for (String file : files) {
        try {
          ScenarioLoader.load(Path.of(file), sets);
          out.println(file + ": ok");
        } catch (ScenarioException e) {
          e.errors().forEach(err::println);
          status = BAD_INPUT;
        } catch (InvalidPathException e) {
          err.println(file + ": not a valid path: " + e.getReason());
          status = BAD_INPUT;
        }
      }
      out.flush();
      err.flush();
      return status;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the bundled scenarios with their descriptions. Run one with "
          + "'tcpsim run NAME'; the files are in scenarios/library/ to open and copy.")
  static final class ListScenarios implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      java.util.List<String> names = Library.names();
      int width = names.stream().mapToInt(String::length).max().orElse(0) - ".yaml".length();
      for (String file : names) {
        String name = file.substring(0, file.length() - ".yaml".length());
        String description;
        try {
          description = ScenarioLoader.parse(Library.text(file).orElseThrow(), "library/" + file,
              java.util.List.of()).description().orElse("").strip();
        } catch (ScenarioException e) {
          description = "(does not load: " + e.errors().get(0) + ")";
        }
        out.printf("%-" + width + "s  %s%n", name, description.replace('\n', ' '));
      }
      out.flush();
      return OK;
    }
  }
}
