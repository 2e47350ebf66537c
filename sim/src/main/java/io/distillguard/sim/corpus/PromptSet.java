package io.distillguard.sim.corpus;

import java.util.List;

/**
 * The permissively licensed prompt files the simulator draws on. Each has the relative path it has in the shared
 * prompt folder ({@code data/prompts/<path>.jsonl}) and in the bundled corpus ({@code corpus/<path>.jsonl.gz}), the
 * source repository, commit and licence (mirrored in the NOTICE file), the sample size the bundle keeps and the
 * fields kept beside {@code prompt}.
 */
public enum PromptSet {
  GSM8K("gsm8k/gsm8k_train", "openai/grade-school-math", "3101c7d507", "MIT", 1500),
  HUMAN_EVAL("human_eval/HumanEval", "openai/human-eval", "6d43fb980f", "MIT", 1500, "task_id"),
  BBH_COT(
      "bbh_cot/code_davinci_002_cot_requests",
      "suzgunmirac/BIG-Bench-Hard",
      "9ee07bd481",
      "MIT",
      1500,
      "task",
      "target"),
  FLAN_COT_QUESTIONS(
      "flan_cot/flan_v2_cot_questions", "google-research/FLAN", "e9e4ec6e27", "Apache-2.0", 1500, "source"),
  FLAN_COT_TEMPLATES(
      "flan_cot/flan_v2_cot_templates", "google-research/FLAN", "e9e4ec6e27", "Apache-2.0", 1500, "flan_task"),
  SIMPLE_EVALS_TEMPLATES(
      "cot_eval_templates/simple_evals_query_templates",
      "openai/simple-evals",
      "ee3b0318d8",
      "MIT",
      1500,
      "template_name"),
  REASONING_DISTILL(
      "reasoning_distill_prompts/system_prompts_and_templates",
      "NovaSky-AI/SkyThought, open-thoughts/open-thoughts, huggingface/open-r1, deepseek-ai/DeepSeek-R1,"
          + " magpie-align/magpie, simplescaling/s1 (collected in the shared prompt folder)",
      "see per-record source_repo",
      "Apache-2.0 (SkyThought, open-thoughts, open-r1, s1); MIT (DeepSeek-R1, magpie)",
      1500,
      "name",
      "source_repo"),
  SELF_INSTRUCT_USER(
      "self_instruct/user_oriented_instructions", "yizhongw/self-instruct", "0b26ccaa41", "Apache-2.0", 1500),
  SELF_INSTRUCT_SEED("self_instruct/seed_tasks", "yizhongw/self-instruct", "0b26ccaa41", "Apache-2.0", 1500),
  GPTEACHER_CODEGEN("gpteacher/codegen-instruct", "teknium1/GPTeacher", "481075123c", "MIT", 1500),
  GPTEACHER_TOOLFORMER(
      "gpteacher/toolformer-dedupe-only-dataset", "teknium1/GPTeacher", "481075123c", "MIT", 1500),
  MAGICODER_TEMPLATE(
      "code_instruct_templates/magicoder_oss_instruct", "ise-uiuc/magicoder", "3ef43f0fea", "MIT", 1500),
  TOOLBENCH_EVAL("toolbench/eval_queries", "OpenBMB/ToolBench", "d56fdd89fa", "Apache-2.0", 1500, "tool_names"),
  TOOLBENCH_EXAMPLES(
      "toolbench/instruction_queries_example", "OpenBMB/ToolBench", "d56fdd89fa", "Apache-2.0", 1500, "api_names"),
  TOOLBENCH_DFSDT(
      "toolbench/chatgpt_dfsdt_annotation_requests",
      "OpenBMB/ToolBench",
      "d56fdd89fa",
      "Apache-2.0",
      1500,
      "system_prompt",
      "functions"),
  TOOLBENCH_TEMPLATES(
      "toolbench/prompt_templates", "OpenBMB/ToolBench", "d56fdd89fa", "Apache-2.0", 1500, "template_name"),
  GORILLA_APIBENCH(
      "gorilla_apibench/apibench_instructions", "ShishirPatil/gorilla", "6ea57973c7", "Apache-2.0", 1500, "provider"),
  BFCL(
      "bfcl/bfcl_v4_questions",
      "ShishirPatil/gorilla",
      "6ea57973c7",
      "Apache-2.0",
      1500,
      "bfcl_category",
      "functions"),
  GLAIVE_TOOLCALL(
      "llamafactory_demos/glaive_toolcall_en_demo",
      "hiyouga/LLaMA-Factory (rows from glaive-function-calling-v2)",
      "ff6d4d12ee",
      "Apache-2.0",
      1500,
      "system_prompt",
      "tools"),
  AWESOME_CHATGPT(
      "awesome_chatgpt_prompts/prompts", "f/awesome-chatgpt-prompts", "a519527ca6", "CC0-1.0", 1500, "act"),
  ARENA_HARD_V01(
      "arena_hard/arena_hard_v0.1", "lmarena/arena-hard-auto", "196f6b8267", "Apache-2.0", 1500, "cluster"),
  ARENA_HARD_V2(
      "arena_hard/arena_hard_v2.0",
      "lmarena/arena-hard-auto",
      "196f6b8267",
      "Apache-2.0",
      1500,
      "category",
      "subcategory"),
  MT_BENCH("mt_bench/mt_bench_questions", "lm-sys/FastChat", "0e6d3e4bea", "Apache-2.0", 1500, "category"),
  ALPACA_EVAL(
      "alpaca_eval/alpaca_eval_instructions", "tatsu-lab/alpaca_eval", "cd543a149d", "Apache-2.0", 1500, "dataset");

  private final String path;
  private final String repo;
  private final String commit;
  private final String licence;
  private final int sampleLimit;
  private final List<String> keptFields;

  PromptSet(String path, String repo, String commit, String licence, int sampleLimit, String... keptFields) {
    this.path = path;
    this.repo = repo;
    this.commit = commit;
    this.licence = licence;
    this.sampleLimit = sampleLimit;
    this.keptFields = List.of(keptFields);
  }

  /** Path relative to a corpus folder, without the {@code .jsonl} / {@code .jsonl.gz} suffix. */
  public String path() {
    return path;
  }

  public String repo() {
    return repo;
  }

  public String commit() {
    return commit;
  }

  public String licence() {
    return licence;
  }

  /** Most records the bundled copy keeps (a seeded sample when the source has more). */
  public int sampleLimit() {
    return sampleLimit;
  }

  /** Source fields copied beside {@code prompt}. */
  public List<String> keptFields() {
    return keptFields;
  }
}
