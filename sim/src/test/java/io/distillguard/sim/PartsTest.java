package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.sim.corpus.Corpus;
import io.distillguard.sim.corpus.PromptSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The simulator's building blocks: corpus, ids, actor queue, wording variety. */
class PartsTest {

  private static final long SEED = 20260302L;

  @Test
  void bundledCorpus_hasEverySet_withBoundedTexts() {
    Corpus c = Corpus.bundled();
    for (PromptSet s : PromptSet.values()) {
      assertThat(c.get(s)).as(s.path()).isNotEmpty();
      assertThat(c.get(s)).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(Corpus.MAX_CHARS));
    }
    PromptPools pools = new PromptPools(c);
    assertThat(pools.bbh).hasSizeGreaterThan(1000);
    assertThat(pools.toolTasks).allSatisfy(p -> assertThat(p.tools()).isNotEmpty());
    assertThat(pools.reasoningSystems).isNotEmpty();
    assertThat(pools.flanTemplates).allSatisfy(t -> assertThat(t).contains("{question}"));
  }

  @Test
  void externalCorpus_inTheSharedLayout_loads() {
    Path shared = Path.of("..", "..", "shared", "data", "prompts");
    Assumptions.assumeTrue(Files.isDirectory(shared), "shared prompt folder absent");
    Corpus c = Corpus.load(shared);
    assertThat(c.get(PromptSet.GSM8K).size()).isGreaterThan(Corpus.bundled().get(PromptSet.GSM8K).size());
  }

  @Test
  void ids_areUniqueAndShaped() {
    Ids ids = new Ids(SEED);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      assertThat(seen.add(ids.account(i))).isTrue();
    }
    assertThat(ids.account(0)).matches("acct-[0-9a-f]{8}");
    assertThat(ids.event(0)).matches("ev-[0-9a-f]{16}");
    assertThat(new Ids(SEED + 1).account(0)).isNotEqualTo(ids.account(0));
  }

  @Test
  void actorQueue_ordersByTimeThenIndex() {
    ActorQueue q = new ActorQueue(2);
    q.add(5, 100);
    q.add(2, 100);
    q.add(9, 50);
    q.add(1, 300);
    assertThat(q.peekActor()).isEqualTo(9);
    q.updateHead(Actor.DONE);
    assertThat(q.peekActor()).isEqualTo(2);
    q.updateHead(100);
    assertThat(q.peekActor()).isEqualTo(2);
    q.updateHead(101);
    assertThat(q.peekActor()).isEqualTo(5);
    q.updateHead(Actor.DONE);
    q.updateHead(Actor.DONE);
    assertThat(q.peekActor()).isEqualTo(1);
    assertThat(q.size()).isEqualTo(1);
  }

  @Test
  void paraphrasedWrappers_vary_andAboutThirtyPercentAreNotEnglish() {
    SplittableRandom r = new SplittableRandom(SEED);
    Set<String> distinct = new HashSet<>();
    int nonAscii = 0;
    int n = 2000;
    for (int i = 0; i < n; i++) {
      String s = ParaphraseComposer.compose("What is 2 + 3?", r);
      distinct.add(s);
      if (!s.replace("What is 2 + 3?", "").matches("(?s)[\\x00-\\x7F]*")
          || s.matches("(?s).*(Resuelve|Löse|Résous|Resolva|Explica|Erkläre|Explique|Quero|Quiero|Ich|Je ).*")) {
        nonAscii++;
      }
    }
    assertThat(distinct.size()).as("seed %d", SEED).isGreaterThan(n / 2);
    assertThat(nonAscii / (double) n).as("seed %d", SEED).isBetween(0.2, 0.4);
  }

  @Test
  void lowAndSlowTemplates_andHarvestWordings_vary() {
    PromptPools pools = new PromptPools(Corpus.bundled());
    SplittableRandom r = new SplittableRandom(SEED);
    Set<String> openings = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      String s = HarvestTexts.reconstruct(pools.problem(r), r);
      openings.add(s.substring(0, Math.min(25, s.length())));
    }
    assertThat(openings.size()).as("seed %d", SEED).isGreaterThan(8);
  }
}
