/**
 * The instructor's view of a whole class, as data: the score histogram, how many passed each check, the
 * common mistakes (submissions grouped by the checks they failed and their structural features, largest
 * group first) and what to re-teach, per lesson section. The HTML report draws it; `--format json`
 * prints it as `summary`. Deterministic: the same submissions give the same summary, in the same order.
 */
import type { Exercise, StaticCheck, ScenarioCheck } from "../../grading/exercise-format.ts";
import type { GradingReport, SubmissionResult } from "../../grading/result-model.ts";
import { SECTION_TITLES, slugify, type SectionId } from "../../validator/messages.ts";
import { compareStudents } from "../text.ts";
import {
  referenceShape,
  structuralFeatures,
  type ReferenceShape,
  type StructuralFeature,
} from "./features.ts";
import { classMessages as m } from "./messages.ts";

export interface LessonSection {
  /** The validator's section slug (accents folded), what the site's lesson links are keyed by. */
  readonly slug: string;
  readonly title: string;
}

export interface HistogramBucket {
  /** Lower bound in percent (0, 10, … 90); the last bucket includes 100. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface CheckTally {
  /** `estatica/<id>` or `<scenario id>/<check id>`. */
  readonly key: string;
  readonly description: string;
  readonly scenario?: string;
  readonly passed: number;
  /** Graded submissions that ran the check. */
  readonly total: number;
}

/** A failed check (`key`: its check key) or a structural feature (`key`: its id), with where it is taught. */
export interface GroupItem {
  readonly key: string;
  readonly description: string;
  readonly section: LessonSection;
}

export interface MistakeGroup {
  /** Stable: the sorted failed-check keys and feature ids (`|`-joined). */
  readonly key: string;
  readonly students: readonly string[];
  readonly failedChecks: readonly GroupItem[];
  readonly features: readonly GroupItem[];
  /** Invalid or error submissions: the reason they could not be graded. */
  readonly problem?: string;
  readonly representative: {
    readonly student: string;
    readonly file?: string;
    readonly percent: number;
    /** The feedback that student got: the failed checks' messages, or the located diagnostics. */
    readonly feedback: readonly string[];
  };
  readonly sections: readonly LessonSection[];
}

export interface ReteachItem {
  readonly section: LessonSection;
  /** Distinct students in the groups that point here. */
  readonly students: number;
  /** Indexes into `groups`. */
  readonly groups: readonly number[];
  readonly topics: readonly string[];
}

export interface ClassSummary {
  readonly submissions: number;
  readonly graded: number;
  readonly invalid: number;
  readonly errors: number;
  readonly fullMarks: number;
  readonly meanPercent: number;
  readonly medianPercent: number;
  readonly histogram: readonly HistogramBucket[];
  readonly checks: readonly CheckTally[];
  readonly groups: readonly MistakeGroup[];
  readonly reteach: readonly ReteachItem[];
}

/** What the summary needs besides the report: the exercise, and each submission's definition when it was read. */
export interface ClassInput {
  readonly exercise: Exercise;
  /** Parsed solution and starter definitions (the features are read against them). */
  readonly solution: unknown;
  readonly starter?: unknown;
  /** By `student` + "\u0000" + `file`: the definition that was graded. */
  readonly definitions: ReadonlyMap<string, unknown>;
}

export const submissionKey = (submission: { student: string; file?: string }) =>
  `${submission.student}\u0000${submission.file ?? ""}`;

const round2 = (value: number) => Math.round(value * 100) / 100;

function section(id: SectionId | string): LessonSection {
  const title = id in SECTION_TITLES ? SECTION_TITLES[id as SectionId] : id;
  return { slug: slugify(title), title };
}

const STATIC_SECTIONS: Partial<Record<StaticCheck["type"], SectionId>> = {
  retrier: "errors",
  catcher: "errors",
  everyTaskHasRetry: "errors",
  workflowType: "intro",
};
const SCENARIO_SECTIONS: Partial<Record<ScenarioCheck["type"], SectionId>> = {
  retries: "errors",
  caught: "errors",
  overlap: "parallel",
  cost: "intro",
  workflowType: "intro",
};

function checkSections(exercise: Exercise): Map<string, LessonSection> {
  const own = section(exercise.lessonSection);
  const sections = new Map<string, LessonSection>();
  for (const check of exercise.staticChecks) {
    const id = STATIC_SECTIONS[check.type];
    sections.set(`estatica/${check.id}`, id ? section(id) : own);
  }
  for (const scenario of exercise.scenarios)
    for (const check of scenario.checks) {
      const id = SCENARIO_SECTIONS[check.type];
      sections.set(`${scenario.id}/${check.id}`, id ? section(id) : own);
    }
  return sections;
}

function allChecks(submission: SubmissionResult) {
  return [
    ...submission.staticChecks.map((check) => ({ key: `estatica/${check.id}`, check, scenario: undefined })),
    ...submission.scenarios.flatMap((scenario) =>
      scenario.checks.map((check) => ({
        key: `${scenario.id}/${check.id}`,
        check,
        scenario: scenario.title,
      })),
    ),
  ];
}

function histogram(submissions: readonly SubmissionResult[]): HistogramBucket[] {
  const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
  for (const submission of submissions) buckets[Math.min(9, Math.floor(submission.percent / 10))]!.count++;
  return buckets;
}

function tallies(submissions: readonly SubmissionResult[]): CheckTally[] {
  const byKey = new Map<string, { description: string; scenario?: string; passed: number; total: number }>();
  for (const submission of submissions) {
    if (submission.status !== "graded") continue;
    for (const { key, check, scenario } of allChecks(submission)) {
      const tally = byKey.get(key) ?? { description: check.description, scenario, passed: 0, total: 0 };
      tally.total++;
      if (check.status === "passed") tally.passed++;
      byKey.set(key, tally);
    }
  }
  return [...byKey].map(([key, t]) => ({
    key,
    description: t.description,
    ...(t.scenario !== undefined ? { scenario: t.scenario } : {}),
    passed: t.passed,
    total: t.total,
  }));
}

function feedbackOf(submission: SubmissionResult): string[] {
  if (submission.status !== "graded") {
    const located = submission.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => (d.line !== undefined ? m.located(d.line, d.column ?? 1, d.message) : d.message));
    return located.length > 0 ? located : [submission.reason ?? ""];
  }
  return allChecks(submission)
    .filter(({ check }) => check.status !== "passed")
    .map(({ check }) => check.message);
}

interface Draft {
  readonly key: string;
  readonly members: SubmissionResult[];
  readonly failedChecks: GroupItem[];
  readonly features: GroupItem[];
  readonly problem?: string;
  readonly sections: LessonSection[];
}

function uniqueSections(list: readonly LessonSection[]): LessonSection[] {
  const seen = new Map<string, LessonSection>();
  for (const item of list) if (!seen.has(item.slug)) seen.set(item.slug, item);
  return [...seen.values()];
}

function draftFor(
  submission: SubmissionResult,
  input: ClassInput,
  reference: ReferenceShape,
  sections: ReadonlyMap<string, LessonSection>,
): Omit<Draft, "members"> | undefined {
  const own = section(input.exercise.lessonSection);
  if (submission.status !== "graded") {
    const first = submission.diagnostics.find((d) => d.severity === "error");
    const code = first?.code ?? submission.status;
    return {
      key: `${submission.status}:${code}`,
      failedChecks: [],
      features: [],
      problem: submission.status === "error" ? m.errorProblem : m.invalidProblem(code),
      sections: [
        first?.lessonSection ? { slug: first.lessonSection, title: titleOfSlug(first.lessonSection) } : own,
      ],
    };
  }
  const failed = allChecks(submission)
    .filter(({ check }) => check.status !== "passed")
    .map(({ key, check }) => ({ key, description: check.description, section: sections.get(key) ?? own }));
  if (failed.length === 0) return undefined;
  const definition = input.definitions.get(submissionKey(submission));
  const features = (definition === undefined ? [] : structuralFeatures(definition, reference)).map(
    (feature: StructuralFeature): GroupItem => ({
      key: feature.id,
      description: feature.label,
      section: feature.section ? section(feature.section) : own,
    }),
  );
  const keys = [...failed.map((f) => f.key).sort(), ...features.map((f) => `#${f.key}`)];
  return {
    key: keys.join("|"),
    failedChecks: failed,
    features,
    sections: uniqueSections([...features, ...failed].map((item) => item.section)),
  };
}

function titleOfSlug(slug: string): string {
  return Object.values(SECTION_TITLES).find((title) => slugify(title) === slug) ?? slug;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarizeClass(report: GradingReport, input: ClassInput): ClassSummary {
  const submissions = [...report.submissions].sort(
    (a, b) => compareStudents(a.student, b.student) || compareStudents(a.file ?? "", b.file ?? ""),
  );
  const reference = referenceShape(input.solution, input.starter);
  const sections = checkSections(input.exercise);
  const drafts = new Map<string, Draft>();
  for (const submission of submissions) {
    const draft = draftFor(submission, input, reference, sections);
    if (!draft) continue;
    const existing = drafts.get(draft.key);
    if (existing) existing.members.push(submission);
    else drafts.set(draft.key, { ...draft, members: [submission] });
  }
  const ordered = [...drafts.values()].sort(
    (a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const groups: MistakeGroup[] = ordered.map((draft) => {
    const representative = draft.members[0]!;
    return {
      key: draft.key,
      students: draft.members.map((s) => s.student),
      failedChecks: draft.failedChecks,
      features: draft.features,
      ...(draft.problem !== undefined ? { problem: draft.problem } : {}),
      representative: {
        student: representative.student,
        ...(representative.file !== undefined ? { file: representative.file } : {}),
        percent: representative.percent,
        feedback: feedbackOf(representative),
      },
      sections: draft.sections,
    };
  });
  const percents = submissions.map((s) => s.percent);
  return {
    submissions: submissions.length,
    graded: submissions.filter((s) => s.status === "graded").length,
    invalid: submissions.filter((s) => s.status === "invalid").length,
    errors: submissions.filter((s) => s.status === "error").length,
    fullMarks: submissions.filter((s) => s.status === "graded" && s.points === s.maxPoints).length,
    meanPercent: percents.length ? round2(percents.reduce((a, b) => a + b, 0) / percents.length) : 0,
    medianPercent: round2(median(percents)),
    histogram: histogram(submissions),
    checks: tallies(submissions),
    groups,
    reteach: reteach(groups),
  };
}

function reteach(groups: readonly MistakeGroup[]): ReteachItem[] {
  const bySection = new Map<
    string,
    { section: LessonSection; students: Set<string>; groups: number[]; topics: Set<string> }
  >();
  groups.forEach((group, index) => {
    for (const item of group.sections) {
      const entry = bySection.get(item.slug) ?? {
        section: item,
        students: new Set(),
        groups: [],
        topics: new Set(),
      };
      group.students.forEach((student) => entry.students.add(student));
      entry.groups.push(index);
      if (group.problem) entry.topics.add(group.problem);
      for (const topic of [...group.features, ...group.failedChecks])
        if (topic.section.slug === item.slug) entry.topics.add(topic.description);
      bySection.set(item.slug, entry);
    }
  });
  return [...bySection.values()]
    .map((entry) => ({
      section: entry.section,
      students: entry.students.size,
      groups: entry.groups,
      topics: [...entry.topics],
    }))
    .sort((a, b) => b.students - a.students || (a.section.slug < b.section.slug ? -1 : 1));
}
