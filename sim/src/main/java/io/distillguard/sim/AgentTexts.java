package io.distillguard.sim;

import io.distillguard.event.Message;
import io.distillguard.event.Request.Tool;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Agent traffic written for the simulator: agent system prompts, tool kits, data-analysis, computer-use and
 * repository tasks with slots, and the assistant/tool turns of an agent loop (short tool results, screenshots as
 * image parts).
 */
final class AgentTexts {

  private AgentTexts() {}

  static Tool tool(String name, String description) {
    return new Tool(name, description);
  }

  static final List<Tool> WEB =
      List.of(
          tool("web_search", "Search the web. Returns the top results with title, URL and snippet."),
          tool("fetch_url", "Fetch a web page and return its main text content."));
  static final List<Tool> DATA =
      List.of(
          tool("python", "Execute Python code in a stateful Jupyter kernel with pandas, numpy, scikit-learn and"
              + " matplotlib. Returns stdout, errors and figures."),
          tool("load_dataset", "Load a CSV, Parquet or Excel file into a dataframe; returns schema and first rows."),
          tool("sql_query", "Run a read-only SQL query against the analytics warehouse and return up to 500 rows."),
          tool("plot_chart", "Render a chart from a dataframe and return it as an image."));
  static final List<Tool> COMPUTER =
      List.of(
          tool("computer", "Use a mouse and keyboard to interact with a computer, and take screenshots. Actions:"
              + " screenshot, left_click, right_click, double_click, type, key, scroll, mouse_move."),
          tool("bash", "Run commands in a bash shell on the virtual machine."),
          tool("str_replace_editor", "View, create and edit files: view, create, str_replace, insert, undo_edit."));
  static final List<Tool> CODING_AGENT_TOOLS =
      List.of(
          tool("read_file", "Read a file from the repository. Args: path, optional line range."),
          tool("edit_file", "Replace an exact string in a file with new content. Args: path, old_str, new_str."),
          tool("run_tests", "Run the test suite or a subset of it and return the summary and failures."),
          tool("bash", "Execute a shell command in the repository root and return stdout and stderr."),
          tool("search_code", "Search the repository with a regular expression; returns matching lines."),
          tool("list_dir", "List the files in a directory."));

  static final List<Tool> PRODUCT_TOOLS =
      List.of(
          tool("read_file", "Open a file in the user's workspace."),
          tool("edit_file", "Apply an edit to a file in the workspace as a unified diff."),
          tool("run_command", "Run a terminal command in the workspace (requires user approval for writes)."),
          tool("search_repo", "Semantic and keyword search across the workspace."),
          tool("get_diagnostics", "Return compiler and linter diagnostics for the open files."));

  // --- system prompts -------------------------------------------------------------------------------------------

  private static final String[] AGENT_SYSTEMS = {
    "You are an autonomous research agent. You have access to tools. Break the task into steps, call tools to gather"
        + " information, verify what you find, and finish with a complete, well-sourced answer.",
    "You are a data analysis assistant. Use the python tool to load and analyse data. Always inspect the data"
        + " before modelling, report numbers precisely, and include the code you ran.",
    "You are a computer-use agent operating an Ubuntu desktop through screenshots and mouse/keyboard actions. Take a"
        + " screenshot before acting, act one step at a time, and confirm each result.",
    "You are a helpful assistant with function-calling abilities. When a function can help, call it with valid"
        + " JSON arguments; otherwise answer directly.",
    "You are an AI agent that completes multi-step tasks for the user. Plan first, then execute with the available"
        + " tools. If a tool fails, adapt and retry.",
    "You are an operations assistant. Use tools to look things up and take actions; keep the user informed of each"
        + " step and summarise what you did at the end.",
  };

  static String agentSystem(SplittableRandom r) {
    return HarvestTexts.pick(AGENT_SYSTEMS, r);
  }

  private static final String[] CODING_AGENT_SYSTEMS = {
    "You are an expert software engineering agent working inside a git repository. You can read files, edit files,"
        + " run tests and run shell commands. Work in small verified steps: reproduce the problem, make the minimal"
        + " change, and run the tests before you finish. Explain your reasoning before each action.",
    "You are a senior engineer acting as an autonomous coding agent. Use the tools to inspect the codebase and make"
        + " changes. Always run the relevant tests after editing. When done, summarise the change and why it is"
        + " correct.",
    "You are a coding assistant that solves programming tasks end to end in the provided workspace. Think through the"
        + " design carefully, write complete code, and verify it by running it.",
  };

  static String codingAgentSystem(SplittableRandom r) {
    return HarvestTexts.pick(CODING_AGENT_SYSTEMS, r);
  }

  private static final String[] PRODUCT_SYSTEMS = {
    "You are Forge, an AI pair programmer embedded in the user's IDE. You help with the user's current project."
        + " Prefer small, reviewable edits; ask before running commands that modify state. The user's workspace is"
        + " described below.\n\nWorkspace: {repo} ({lang})",
    "You are Forge. You are assisting a developer in their repository ({repo}, mostly {lang}). Be concise. Use tools"
        + " to read the code before changing it and show diffs for every edit.",
  };

  private static final String[] REPOS = {
    "payments-service", "web-frontend", "mobile-app", "data-pipeline", "infra-terraform", "search-api",
    "billing-worker", "auth-gateway", "ml-platform", "docs-site", "inventory-service", "analytics-dashboard"
  };
  private static final String[] LANGS = {"Python", "TypeScript", "Go", "Java", "Kotlin", "Rust", "C#", "Ruby"};

  static String productSystem(SplittableRandom r) {
    return HarvestTexts.pick(PRODUCT_SYSTEMS, r)
        .replace("{repo}", HarvestTexts.pick(REPOS, r))
        .replace("{lang}", HarvestTexts.pick(LANGS, r));
  }

  // --- tasks ----------------------------------------------------------------------------------------------------

  private static final String[] DATASETS = {
    "sales_2025.csv", "customer_churn.parquet", "web_events_march.jsonl", "clinical_trial_results.csv",
    "nyc_taxi_2025_01.parquet", "survey_responses.xlsx", "support_tickets.csv", "sensor_readings.csv",
    "ad_campaigns.csv", "inventory_snapshot.parquet"
  };
  private static final String[] ANALYSES = {
    "Find the top 5 segments by revenue growth quarter over quarter and plot them.",
    "Build a model that predicts the target column, report cross-validated AUC and the most important features.",
    "Detect anomalies in the daily totals and explain the likely causes.",
    "Clean the data (missing values, duplicates, outliers), then summarise each column.",
    "Run a cohort analysis by signup month and chart retention.",
    "Test whether the difference between the two groups is statistically significant and explain the result.",
    "Forecast the next 30 days and give a prediction interval.",
    "Cluster the records into meaningful groups and describe each cluster.",
    "Compute the correlation between every pair of numeric columns and highlight anything surprising.",
    "Write a short executive summary of the main trends with three charts.",
    "Find which features explain most of the variance in the outcome using a regression.",
    "Compare the metrics before and after the change on the 14th and estimate the effect.",
  };

  static String dataTask(SplittableRandom r) {
    String d = HarvestTexts.pick(DATASETS, r);
    String a = HarvestTexts.pick(ANALYSES, r);
    return switch (r.nextInt(3)) {
      case 0 -> "I uploaded " + d + ". " + a;
      case 1 -> "Dataset: /data/" + d + "\nTask: " + a;
      default -> a + " Use the file " + d + ".";
    };
  }

  private static final String[] COMPUTER_TASKS = {
    "Open the spreadsheet quarterly_report.ods in LibreOffice Calc, add a column with the growth rate and save it.",
    "In Firefox, log into the supplier portal and download the three most recent invoices as PDF.",
    "Fill out the web form on the open page with the data from contacts.csv, one submission per row.",
    "Rename all the screenshots on the Desktop so that their names start with the date they were taken.",
    "Open the Settings app and turn on dark mode, then set the screen to lock after 5 minutes.",
    "Find the cheapest direct flight from Berlin to Lisbon next Friday on the airline site that is open.",
    "Create a new presentation with a title slide and two slides summarising notes.txt.",
    "Install the VS Code Python extension and open the project folder ~/projects/app.",
    "Go to the company wiki, find the onboarding checklist and copy it into a new document.",
    "Compress the folder ~/photos/2025 into a zip file and upload it to the shared drive in the browser.",
    "Check the email inbox for messages from the bank this month and move them to the Finance folder.",
    "Open the terminal, find which process is using port 8080 and stop it.",
  };

  static String computerTask(SplittableRandom r) {
    return HarvestTexts.pick(COMPUTER_TASKS, r);
  }

  private static final String[] FUNCS = {
    "parse_date", "merge_intervals", "apply_discount", "normalize_path", "retry_with_backoff", "render_invoice",
    "slugify", "compute_checksum", "paginate", "validate_email", "resolve_dependencies", "flatten_config",
    "rate_limit", "serialize_event", "load_settings", "diff_lines"
  };
  private static final String[] MODULES = {
    "utils", "billing", "scheduler", "parser", "auth", "storage", "api", "cache", "cli", "models", "reports",
    "search"
  };
  private static final String[] CONDITIONS = {
    "the input list is empty", "two ranges touch but do not overlap", "the timezone is not UTC",
    "the string contains non-ASCII characters", "the value is exactly on the boundary", "it is called concurrently",
    "the config file has a trailing comma", "the page size is larger than the number of items"
  };
  private static final String[] ERRORS = {
    "AssertionError: assert 3 == 4", "KeyError: 'user_id'", "TypeError: 'NoneType' object is not subscriptable",
    "IndexError: list index out of range", "ValueError: invalid literal for int() with base 10: ''",
    "TimeoutError: operation timed out after 30s", "AttributeError: 'dict' object has no attribute 'items_'"
  };
  private static final String[] ISSUES = {
    "The function `{fn}` in `src/{mod}.py` returns wrong results when {cond}. Find the bug, fix it and add a"
        + " regression test.",
    "Tests in `tests/test_{mod}.py` fail with `{err}`. Investigate and make them pass without changing the tests.",
    "Implement `{fn}` in `src/{mod}.py` according to its docstring and make sure all tests pass.",
    "Refactor `src/{mod}.py`: `{fn}` duplicates logic from two other functions. Extract the shared part and keep"
        + " the behaviour identical.",
    "Add type hints to `src/{mod}.py` and fix the errors mypy reports.",
    "Add a `--dry-run` flag to the CLI command that calls `{fn}`, with tests.",
    "The endpoint using `{fn}` is slow for large inputs. Profile it and make it at least 5x faster.",
    "Write unit tests for `{fn}` in `src/{mod}.py` covering the edge case where {cond}.",
    "Port `src/{mod}.py` from callbacks to async/await and update the callers.",
    "Our CI fails on `tests/test_{mod}.py` with `{err}` only on Python 3.12. Fix it.",
  };

  static String issueTask(SplittableRandom r) {
    return HarvestTexts.pick(ISSUES, r)
        .replace("{fn}", HarvestTexts.pick(FUNCS, r))
        .replace("{mod}", HarvestTexts.pick(MODULES, r))
        .replace("{cond}", HarvestTexts.pick(CONDITIONS, r))
        .replace("{err}", HarvestTexts.pick(ERRORS, r));
  }

  /** A coding task from the corpus (HumanEval, GPTeacher codegen, arena coding) or a repository issue. */
  static String codingTask(PromptPools pools, SplittableRandom r) {
    int k = r.nextInt(10);
    if (k < 3) {
      String wrap = HarvestTexts.pick(
          new String[] {
            "Complete the following function so that all the doctests pass:\n\n```python\n{p}```",
            "Implement this in `solution.py` and add tests:\n\n{p}",
            "{p}",
          },
          r);
      return wrap.replace("{p}", PromptPools.pick(pools.humanEval, r).text());
    }
    if (k < 6) {
      return PromptPools.pick(pools.codegen, r).text();
    }
    if (k < 7) {
      return PromptPools.pick(pools.codingChat, r).text();
    }
    return issueTask(r);
  }

  // --- agent loop turns -----------------------------------------------------------------------------------------

  private static final String[] STEP_TEXTS = {
    "I'll start by looking at the relevant information.", "Let me check that first.", "Next, I'll verify this.",
    "Let me look at the result and continue.", "That didn't work as expected; trying another approach.",
    "Good, now the next step.", "I need more detail here.", "Let me confirm before moving on.", ""
  };

  static String stepText(SplittableRandom r) {
    return HarvestTexts.pick(STEP_TEXTS, r);
  }

  private static final String[] DOMAINS = {
    "en.wikipedia.org", "docs.python.org", "stackoverflow.com", "github.com", "arxiv.org", "reuters.com",
    "developer.mozilla.org", "statista.com", "nature.com", "medium.com"
  };

  /** A short, plausible result of calling {@code tool}. */
  static String toolResult(String tool, PromptPools pools, SplittableRandom r) {
    switch (tool) {
      case "web_search":
        StringBuilder b = new StringBuilder("[");
        int n = 2 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            b.append(", ");
          }
          b.append("{\"title\": \"Result ").append(i + 1).append("\", \"url\": \"https://")
              .append(HarvestTexts.pick(DOMAINS, r)).append("/").append(Ids.hex(r.nextLong(), 6))
              .append("\", \"snippet\": \"...\"}");
        }
        return b.append("]").toString();
      case "python":
      case "load_dataset":
      case "sql_query":
        return "   id  value  group\n0   1  " + r.nextInt(1000) + "    A\n1   2  " + r.nextInt(1000)
            + "    B\n2   3  " + r.nextInt(1000) + "    A\n[" + (100 + r.nextInt(90000)) + " rows x "
            + (3 + r.nextInt(20)) + " columns]";
      case "run_tests":
        int failed = r.nextInt(4);
        int passed = 10 + r.nextInt(200);
        return failed == 0 ? "===== " + passed + " passed in " + (1 + r.nextInt(40)) + "." + r.nextInt(100) + "s ====="
            : "FAILED tests/test_" + HarvestTexts.pick(MODULES, r) + ".py::test_" + HarvestTexts.pick(FUNCS, r)
                + " - " + HarvestTexts.pick(ERRORS, r) + "\n===== " + failed + " failed, " + passed + " passed =====";
      case "read_file":
      case "str_replace_editor":
        return HarvestTexts.codeSnippet(pools, r);
      case "edit_file":
        return "The file has been edited. Lines " + (1 + r.nextInt(200)) + "-" + (201 + r.nextInt(50))
            + " updated.";
      case "bash":
      case "run_command":
        return HarvestTexts.pick(
            new String[] {
              "On branch main\nChanges not staged for commit:\n  modified:   src/"
                  + HarvestTexts.pick(MODULES, r) + ".py",
              "src/\ntests/\npyproject.toml\nREADME.md",
              "exit code 0",
              "Traceback (most recent call last):\n  File \"main.py\", line " + (5 + r.nextInt(300)) + "\n"
                  + HarvestTexts.pick(ERRORS, r),
            },
            r);
      case "search_code":
      case "search_repo":
        return "src/" + HarvestTexts.pick(MODULES, r) + ".py:" + (1 + r.nextInt(400)) + ": def "
            + HarvestTexts.pick(FUNCS, r) + "(...)";
      case "list_dir":
        return "__init__.py\n" + HarvestTexts.pick(MODULES, r) + ".py\n" + HarvestTexts.pick(MODULES, r) + ".py";
      default:
        return "{\"status\": \"ok\", \"result_id\": \"" + Ids.hex(r.nextLong(), 8) + "\"}";
    }
  }

  /**
   * The two messages one agent step adds to the conversation: the assistant's tool call and the tool's result, as
   * a user turn with {@code tool_result} parts (Anthropic style) or a {@code tool} turn (OpenAI style).
   */
  static Message[] step(
      String toolName, boolean screenshot, boolean openAiStyle, PromptPools pools, SplittableRandom r) {
    String say = stepText(r);
    Message assistant =
        say.isEmpty()
            ? new Message("assistant", List.of(new Message.Part("tool_use", null, toolName)))
            : new Message(
                "assistant", List.of(Message.Part.text(say), new Message.Part("tool_use", null, toolName)));
    Message result;
    if (screenshot) {
      result =
          new Message(
              openAiStyle ? "tool" : "user",
              List.of(new Message.Part("tool_result", null, null), new Message.Part("image", null, null)));
    } else {
      String out = toolResult(toolName, pools, r);
      result =
          openAiStyle
              ? Message.text("tool", out)
              : new Message("user", List.of(new Message.Part("tool_result", out, null)));
    }
    return new Message[] {assistant, result};
  }
}
