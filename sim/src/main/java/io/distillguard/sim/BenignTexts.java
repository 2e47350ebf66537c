package io.distillguard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benign traffic written for the simulator around the corpus prompts: system prompts and phrasing habits of
 * ordinary users (including their share of "step by step"), a retrieval app's template and knowledge base, homework
 * phrasings, office tasks and benchmark prompt construction.
 */
final class BenignTexts {

  private BenignTexts() {}

  private static String pick(String[] a, SplittableRandom r) {
    return HarvestTexts.pick(a, r);
  }

  // --- general users --------------------------------------------------------------------------------------------

  private static final String[] SYSTEMS = {
    "You are a helpful assistant.", "You are a helpful assistant.", "You are a friendly assistant. Keep answers short.",
    "You are an expert copywriter. Write in a clear, engaging style.", "Answer in Markdown.",
    "You are a patient tutor for high-school students.", "You are a senior software engineer. Be precise.",
    "Respond in the same language as the user.", "You are a travel planner who gives practical, budget-aware advice.",
    "You are a helpful assistant that always cites sources when possible.",
    "You are a customer support assistant for an online store. Be polite and concise.",
    "You are a writing assistant. Preserve the author's voice.",
  };

  static String generalSystem(SplittableRandom r) {
    return pick(SYSTEMS, r);
  }

  private static final String[] STEP_SUFFIXES = {
    " Think step by step.", " Explain your reasoning.", " Let's think step by step.", " Show your steps.",
    "\n\nPlease walk me through it step by step.", " Explain it step by step so I can follow.",
    "\n\nCan you show the working?", " Please explain how you got the answer.",
  };

  static String stepSuffix(SplittableRandom r) {
    return pick(STEP_SUFFIXES, r);
  }

  private static final String[] CASUAL = {
    "Can you help me with this? ", "Quick question: ", "hey, ", "I need help: ", "Hi! ", "Please help. ",
  };

  /** A human touch on a prompt: sometimes a casual opener, sometimes lower case, rarely both. */
  static String humanize(String prompt, SplittableRandom r) {
    int k = r.nextInt(20);
    if (k == 0) {
      return pick(CASUAL, r) + prompt;
    }
    if (k == 1 && prompt.length() < 400) {
      return prompt.toLowerCase(java.util.Locale.ROOT);
    }
    return prompt;
  }

  // --- rag-app --------------------------------------------------------------------------------------------------

  private static final String[] RAG_TEMPLATES = {
    "Answer the question using only the context below. If the answer is not in the context, say \"I don't know\".\n\n"
        + "Context:\n{context}\n\nQuestion: {question}\nAnswer:",
    "Context information is below.\n---------------------\n{context}\n---------------------\nGiven the context"
        + " information and not prior knowledge, answer the query.\nQuery: {question}\nAnswer: ",
    "Use the following pieces of context to answer the question at the end. If you don't know the answer, just say"
        + " that you don't know, don't try to make up an answer.\n\n{context}\n\nQuestion: {question}\nHelpful"
        + " Answer:",
    "<documents>\n{context}\n</documents>\n\nUsing only the documents above, answer the customer's question. Cite"
        + " the document ids you used.\n\nQuestion: {question}",
    "You are given excerpts from our help center. Answer strictly from these excerpts.\n\n{context}\n\n"
        + "User: {question}",
  };

  /** One retrieval app's fixed prompt template (an app sends one template all day). */
  static String ragTemplate(SplittableRandom r) {
    return pick(RAG_TEMPLATES, r);
  }

  private static final String[][] KB_CHUNKS = {
    {
      "Orders placed before 2 pm on a business day ship the same day from our Rotterdam warehouse.",
      "Standard delivery takes 3-5 business days within the EU and 7-12 business days elsewhere.",
      "Express delivery is available for orders over 30 EUR and arrives within 1-2 business days.",
      "You can return unworn items within 30 days of delivery for a full refund.",
      "Refunds are issued to the original payment method within 5-7 business days after we receive the return.",
      "Sale items marked 'final sale' cannot be returned or exchanged.",
      "To start a return, open Orders in your account, choose the item and select 'Return item'.",
      "We accept Visa, Mastercard, American Express, PayPal, iDEAL and Klarna.",
      "Klarna lets you pay in three interest-free instalments; approval is subject to a credit check.",
      "Gift cards are valid for 24 months and can be used for multiple purchases.",
      "If a parcel is marked delivered but you have not received it, contact us within 14 days.",
      "Exchanges for a different size are free; the replacement ships once the original is scanned by the carrier.",
      "Customs duties for orders outside the EU are paid by the recipient on delivery.",
      "You can change the delivery address only until the order status changes to 'Packed'.",
      "Loyalty members earn 1 point per euro spent; 100 points can be redeemed for a 5 EUR voucher.",
      "Products with a manufacturing defect are covered by a 2-year warranty.",
    },
    {
      "API keys are created under Settings > API and can be scoped to read-only or read-write access.",
      "The REST API is rate limited to 600 requests per minute per workspace; exceeding it returns HTTP 429.",
      "Webhooks are retried with exponential backoff for up to 24 hours if your endpoint does not return 2xx.",
      "Single sign-on via SAML 2.0 and OIDC is available on the Business and Enterprise plans.",
      "SCIM provisioning keeps users and groups in sync with Okta, Azure AD and Google Workspace.",
      "Invoices are issued on the first day of each billing cycle and can be downloaded as PDF from Billing.",
      "Seats are prorated: adding a user mid-cycle charges only for the remaining days.",
      "Data is stored in the region chosen at workspace creation (EU or US) and cannot be moved later.",
      "Audit logs are retained for 365 days on Enterprise and 90 days on Business.",
      "Two-factor authentication can be enforced for all members by a workspace admin.",
      "Exports include all projects, comments and attachments as a ZIP of JSON files.",
      "The free plan includes 3 projects, 2 GB of storage and community support.",
      "Deleting a workspace is permanent after a 30-day grace period.",
      "Guests can view and comment on shared projects but cannot create new ones.",
      "The status page reports incidents and planned maintenance for every region.",
      "The desktop app supports offline editing; changes sync when the connection returns.",
    },
    {
      "Full-time employees receive 25 days of paid annual leave plus public holidays.",
      "Unused leave of up to 5 days can be carried over to the first quarter of the next year.",
      "Sick leave does not require a doctor's note for absences of up to 3 consecutive days.",
      "Parental leave is 16 weeks at full pay for all parents, taken within 12 months of the birth or adoption.",
      "Expenses must be submitted within 60 days with an itemised receipt.",
      "Economy class is the default for flights under 6 hours; premium economy may be booked for longer flights.",
      "The home-office allowance is 500 EUR once, plus 30 EUR per month for internet costs.",
      "Employees may work from another country for up to 4 weeks per year with manager approval.",
      "Performance reviews take place twice a year, in March and September.",
      "The learning budget is 1,000 EUR per year for courses, books and conferences.",
      "Overtime must be agreed in advance and is compensated with time off in lieu.",
      "The notice period is one month during probation and three months afterwards.",
      "Company laptops must use full-disk encryption and be locked when unattended.",
      "Referral bonuses of 2,000 EUR are paid after the new hire completes probation.",
    },
    {
      "To reset the router to factory settings, hold the reset button for 10 seconds until the light blinks amber.",
      "The default Wi-Fi name and password are printed on the label on the bottom of the router.",
      "The mesh satellite should be placed no more than two rooms away from the main router.",
      "Firmware updates install automatically between 2 am and 4 am local time.",
      "A solid red light means there is no internet connection; check the cable to the modem.",
      "Guest networks can be enabled in the app under Wi-Fi > Guest and are isolated from your devices.",
      "Parental controls let you pause internet access per device or set daily schedules.",
      "The thermostat learns your schedule during the first week and adjusts heating automatically.",
      "Eco mode lowers the target temperature by 2 degrees when nobody is home.",
      "The thermostat battery lasts about 2 years; the app warns when it drops below 15 percent.",
      "Port forwarding is configured under Advanced > NAT and requires a fixed local IP for the device.",
      "WPA3 is enabled by default; older devices may need WPA2/WPA3 mixed mode.",
      "The router supports up to 128 connected devices across all bands.",
      "Band steering moves capable devices to the 5 GHz band automatically.",
    },
  };

  private static final String[][] KB_QUESTIONS = {
    {
      "how long does shipping take to canada", "Can I return a sale item?", "when will I get my refund",
      "Do you take paypal?", "my parcel says delivered but it's not here", "How do I exchange for a bigger size?",
      "Can I change my address after ordering?", "Is there express shipping?", "do gift cards expire",
      "who pays customs to the US", "How many points do I need for a voucher?", "is my broken zipper covered",
      "What is the cutoff time for same-day shipping?", "can i pay in instalments",
    },
    {
      "What is the API rate limit?", "how do I set up SSO with Okta", "Can I move my workspace to the EU region?",
      "Why am I getting 429 errors?", "How long are audit logs kept?", "how are seats billed when I add someone",
      "Can guests create projects?", "Does the desktop app work offline?", "how do i export all my data",
      "What happens when I delete a workspace?", "Do webhooks retry?", "is SCIM supported on the Business plan",
      "Where can I download invoices?", "How do I enforce 2FA?",
    },
    {
      "How many vacation days do I get?", "Can I carry over leave?", "do i need a doctors note for 2 days sick",
      "How long is parental leave?", "What's the deadline for expenses?", "can I fly business class to Singapore",
      "How much is the home office allowance?", "can I work from Spain for a month", "When are performance reviews?",
      "what is the learning budget", "How is overtime compensated?", "What's my notice period after probation?",
    },
    {
      "how do i factory reset the router", "Where is the wifi password?", "Why is the light red?",
      "Where should I put the mesh satellite?", "When do firmware updates happen?", "How do I set up a guest network?",
      "can i block internet for my kid's tablet at night", "What does eco mode do?", "how long does the battery last",
      "how to forward port 25565", "My old laptop can't connect after the update", "How many devices are supported?",
    },
  };

  static int ragDomains() {
    return KB_CHUNKS.length;
  }

  /** A retrieval context of 3-5 chunks of {@code domain}, each with a document id. */
  static String ragContext(int domain, SplittableRandom r) {
    String[] chunks = KB_CHUNKS[domain];
    int n = 3 + r.nextInt(3);
    StringBuilder b = new StringBuilder(n * 140);
    int start = r.nextInt(chunks.length);
    int stride = 1 + r.nextInt(chunks.length - 1);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append("\n\n");
      }
      b.append("[doc-").append(100 + (domain * 997 + (start + i * stride) * 31) % 900).append("] ")
          .append(chunks[(start + i * stride) % chunks.length]);
    }
    return b.toString();
  }

  static String ragQuestion(int domain, SplittableRandom r) {
    return pick(KB_QUESTIONS[domain], r);
  }

  // --- university-class -----------------------------------------------------------------------------------------

  private static final String[] HOMEWORK = {
    "{q} Show your work step by step.",
    "Can you help me with this homework problem? Please show your work step by step.\n\n{q}",
    "{q}\n\nshow all steps pls",
    "How do I solve this? {q} Explain each step.",
    "Homework question: {q}\nI need the full working, step by step.",
    "{q} (please show the steps, my professor wants the work shown)",
    "Solve step by step: {q}",
    "Explain how to get the answer, step by step: {q}",
  };

  /** A student's phrasing habit: an index into the homework phrasings. */
  static int homeworkStyle(SplittableRandom r) {
    return r.nextInt(HOMEWORK.length);
  }

  static String homework(String question, int style, SplittableRandom r) {
    int s = r.nextInt(4) == 0 ? r.nextInt(HOMEWORK.length) : style;
    return HOMEWORK[s].replace("{q}", question);
  }

  // --- shared-payment-company: office work ----------------------------------------------------------------------

  private static final String[] OFFICE = {
    "Draft a polite reply to a customer who is asking for a refund {days} days after delivery. Our policy allows"
        + " returns within 30 days.",
    "Summarise these meeting notes into action items with owners:\n- {topic}: agreed to revisit next week\n- budget"
        + " for Q{q} still open\n- {name} to send the updated deck\n- hiring plan approved",
    "Translate into {lang}: \"Thank you for your order. Your delivery is scheduled for next Tuesday.\"",
    "Write a LinkedIn post announcing our new {product} feature. Keep it under 120 words.",
    "Create an Excel formula that returns the {agg} of column C when column A equals \"{region}\".",
    "Rewrite this paragraph to sound more professional: \"hey all, the {product} launch is pushed, we'll"
        + " let you know when we know more\"",
    "Give me 5 subject lines for an email about {topic}.",
    "What are the key risks of {topic} for a mid-size company?",
    "Prepare an agenda for a 30-minute meeting about {topic}.",
    "Explain {concept} in simple terms for our sales team.",
    "Write a job description for a {role} in our {region} office.",
    "Proofread: \"Please find attached the the revised proposal for you're review, we looking forward to hear"
        + " from you.\"",
    "Turn these numbers into a short paragraph for the monthly report: revenue +{pct}%, churn {pct2}%, NPS 41.",
    "How should I structure a one-page brief about {topic} for the leadership team?",
  };
  private static final String[] TOPICS = {
    "the office move", "our new expense policy", "the Q3 product roadmap", "vendor consolidation",
    "the customer satisfaction survey", "switching CRM systems", "remote work guidelines", "the price increase"
  };
  private static final String[] CONCEPTS = {
    "annual recurring revenue", "gross margin", "GDPR data processing agreements", "net revenue retention",
    "a service-level agreement", "customer acquisition cost"
  };

  static String officeTask(SplittableRandom r) {
    return pick(OFFICE, r)
        .replace("{days}", Integer.toString(10 + r.nextInt(60)))
        .replace("{topic}", pick(TOPICS, r))
        .replace("{q}", Integer.toString(1 + r.nextInt(4)))
        .replace("{name}", pick(new String[] {"Maria", "Tom", "Priya", "Jonas", "Aiko", "Lucas"}, r))
        .replace("{lang}", pick(new String[] {"German", "French", "Spanish", "Dutch", "Italian"}, r))
        .replace("{product}", pick(new String[] {"reporting", "scheduling", "invoicing", "analytics"}, r))
        .replace("{agg}", pick(new String[] {"sum", "average", "count", "maximum"}, r))
        .replace("{region}", pick(new String[] {"North", "EMEA", "Berlin", "Austin", "APAC"}, r))
        .replace("{concept}", pick(CONCEPTS, r))
        .replace("{role}", pick(new String[] {"data analyst", "account manager", "office manager"}, r))
        .replace("{pct}", Integer.toString(1 + r.nextInt(15)))
        .replace("{pct2}", Integer.toString(1 + r.nextInt(5)));
  }

  // --- eval-team: benchmark prompts -----------------------------------------------------------------------------

  /** Number of distinct benchmark kinds {@link #benchmarkPrompt} knows. */
  static final int BENCHMARKS = 4;

  /** Benchmark {@code kind}'s next prompt: BBH few-shot CoT, FLAN CoT template, simple-evals math or choice. */
  static String benchmarkPrompt(int kind, int templateChoice, PromptPools pools, SplittableRandom r) {
    switch (kind) {
      case 0:
        return PromptPools.pick(pools.bbhFull, r).text();
      case 1: {
        String t = pools.flanTemplates.get(templateChoice % pools.flanTemplates.size());
        String q = PromptPools.pick(pools.flan, r).text();
        if (t.contains("{question}?") && q.endsWith("?")) {
          q = q.substring(0, q.length() - 1);
        }
        return t.replace("{question}", q);
      }
      case 2:
        return pools.simpleEvalsMath.replace("{Question}", PromptPools.pick(pools.gsm8k, r).text());
      default: {
        if (pools.simpleEvalsChoice != null) {
          for (int attempt = 0; attempt < 20; attempt++) {
            String q = PromptPools.pick(pools.flan, r).text();
            List<String> opts = options(q);
            if (opts.size() >= 4) {
              String stem = q.substring(0, q.indexOf("Options:")).strip();
              return pools.simpleEvalsChoice.replace("{Question}", stem).replace("{A}", opts.get(0))
                  .replace("{B}", opts.get(1)).replace("{C}", opts.get(2)).replace("{D}", opts.get(3));
            }
          }
        }
        return pools.simpleEvalsMath.replace("{Question}", PromptPools.pick(pools.gsm8k, r).text());
      }
    }
  }

  private static List<String> options(String q) {
    List<String> out = new ArrayList<>();
    int o = q.indexOf("Options:");
    if (o < 0) {
      return out;
    }
    for (String l : q.substring(o + 8).split("\n")) {
      String s = l.strip();
      if (s.startsWith("-")) {
        s = s.substring(1).strip();
      }
      if (s.length() > 3 && s.charAt(0) == '(' && s.charAt(2) == ')') {
        s = s.substring(3).strip();
      }
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
