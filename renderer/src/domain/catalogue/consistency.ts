import { conditionLeaves, type ConditionLeaf } from './condition';
import { catalogueMessages as m, operatorForKind, questionKindLabels } from './messages';
import type { Catalogue, IntakeQuestion, Material, Matter } from './schema';

/**
 * Rules that span entries of a well-shaped catalogue. Each problem is a sentence naming the entry, e.g.
 * "事项 设立登记（110000-0001）的材料“公司章程”：条件引用了未定义的问题 foo". An empty list means the
 * catalogue is consistent.
 */
export function findCatalogueProblems(catalogue: Catalogue): string[] {
  return [
    ...duplicateCodeProblems(catalogue),
    ...catalogue.matters.flatMap(matterProblems),
    ...crossMatterQuestionProblems(catalogue.matters),
    ...sharedKeyProblems(catalogue.matters),
    ...bundleProblems(catalogue),
  ];
}

function matterEntry(matter: Matter): string {
  return m.matterEntry(matter.name, matter.code);
}

function materialEntry(matter: Matter, material: Material): string {
  return matterEntry(matter) + m.materialEntry(material.name);
}

function duplicateCodeProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const seenMatters = new Set<string>();
  for (const matter of catalogue.matters) {
    if (seenMatters.has(matter.code)) problems.push(`${matterEntry(matter)}：${m.duplicateMatterCode(matter.code)}`);
    seenMatters.add(matter.code);
  }
  const seenBundles = new Set<string>();
  for (const bundle of catalogue.bundles) {
    if (seenBundles.has(bundle.code)) {
      problems.push(`${m.bundleEntry(bundle.name, bundle.code)}：${m.duplicateBundleCode(bundle.code)}`);
    }
    seenBundles.add(bundle.code);
  }
  return problems;
}

function matterProblems(matter: Matter): string[] {
  const problems: string[] = [];
  const entry = matterEntry(matter);

  if (matter.promisedLimitDays > matter.legalLimitDays) {
    problems.push(`${entry}：${m.promisedOverLegal(matter.promisedLimitDays, matter.legalLimitDays)}`);
  }
  if (matter.kind === 'immediate' && matter.promisedLimitDays !== 0) {
    problems.push(`${entry}：${m.immediateWithLimit(matter.promisedLimitDays)}`);
  }
  if (matter.kind === 'commitment' && matter.promisedLimitDays === 0) {
    problems.push(`${entry}：${m.commitmentWithoutLimit}`);
  }

  const questions = new Map<string, IntakeQuestion>();
  for (const question of matter.questions) {
    const questionEntry = entry + m.questionEntry(question.label, question.id);
    if (questions.has(question.id)) problems.push(`${questionEntry}：${m.duplicateQuestionId(question.id)}`);
    questions.set(question.id, question);
    if (question.kind === 'single' || question.kind === 'multi') {
      const values = new Set<string>();
      for (const option of question.options) {
        if (values.has(option.value)) problems.push(`${questionEntry}：${m.duplicateOptionValue(option.value)}`);
        values.add(option.value);
      }
    }
  }

  const materialIds = new Set<string>();
  const sharedKeyOwners = new Map<string, Material>();
  for (const material of matter.materials) {
    const where = materialEntry(matter, material);
    if (materialIds.has(material.id)) problems.push(`${where}：${m.duplicateMaterialId(material.id)}`);
    materialIds.add(material.id);
    if (material.sharedKey !== undefined) {
      const owner = sharedKeyOwners.get(material.sharedKey);
      if (owner !== undefined) problems.push(`${where}：${m.duplicateSharedKeyInMatter(material.sharedKey, owner.name)}`);
      else sharedKeyOwners.set(material.sharedKey, material);
    }
    if (!material.required && material.deferrable) problems.push(`${where}：${m.deferrableNotRequired}`);
    if (!material.required && material.commitmentAllowed) problems.push(`${where}：${m.commitmentNotRequired}`);
    if (!material.commitmentAllowed && material.commitmentCheckDays !== undefined) problems.push(`${where}：${m.checkDaysWithoutCommitment}`);
    if (material.condition !== undefined) {
      for (const leaf of conditionLeaves(material.condition)) {
        const problem = leafProblem(leaf, questions);
        if (problem !== undefined) problems.push(`${where}：${problem}`);
      }
    }
  }
  return problems;
}

/** A leaf must name a question of its own matter, with the operator and option values that question has. */
function leafProblem(leaf: ConditionLeaf, questions: ReadonlyMap<string, IntakeQuestion>): string | undefined {
  const question = questions.get(leaf.answer);
  if (question === undefined) return m.undefinedQuestion(leaf.answer);
  const expected = operatorForKind[question.kind];
  const used = leafOperator(leaf);
  if (used !== expected) {
    return m.wrongOperator(question.id, questionKindLabels[question.kind], used, expected);
  }
  if ('equals' in leaf || 'includes' in leaf) {
    const value = 'equals' in leaf ? leaf.equals : leaf.includes;
    const options = question.kind === 'single' || question.kind === 'multi' ? question.options : [];
    if (!options.some((option) => option.value === value)) return m.unknownOption(question.id, value);
  }
  if ('atLeast' in leaf && question.kind === 'count' && question.max !== undefined && leaf.atLeast > question.max) {
    return m.atLeastOverMax(question.id, leaf.atLeast, question.max);
  }
  return undefined;
}

function leafOperator(leaf: ConditionLeaf): (typeof operatorForKind)[keyof typeof operatorForKind] {
  if ('equals' in leaf) return 'equals';
  if ('includes' in leaf) return 'includes';
  if ('isTrue' in leaf) return 'isTrue';
  return 'atLeast';
}

/** Answers are per case, so a question id asked by two matters must mean the same question. */
function crossMatterQuestionProblems(matters: readonly Matter[]): string[] {
  const problems: string[] = [];
  const firstDefinition = new Map<string, { matter: Matter; question: IntakeQuestion }>();
  for (const matter of matters) {
    for (const question of matter.questions) {
      const first = firstDefinition.get(question.id);
      if (first === undefined) {
        firstDefinition.set(question.id, { matter, question });
      } else if (first.matter !== matter && questionShape(first.question) !== questionShape(question)) {
        problems.push(
          `${matterEntry(matter)}${m.questionEntry(question.label, question.id)}：${m.questionMismatch(question.id, matterEntry(first.matter))}`,
        );
      }
    }
  }
  return problems;
}

/** Kind and option values decide how an answer is stored; labels may be worded for their matter. */
function questionShape(question: IntakeQuestion): string {
  const values = question.kind === 'single' || question.kind === 'multi' ? question.options.map((o) => o.value) : [];
  return JSON.stringify([question.kind, [...values].sort()]);
}

/** One collected item serves every matter with the key, so they must all mean the same document. */
function sharedKeyProblems(matters: readonly Matter[]): string[] {
  const problems: string[] = [];
  const firstUse = new Map<string, { matter: Matter; material: Material }>();
  for (const matter of matters) {
    for (const material of matter.materials) {
      if (material.sharedKey === undefined) continue;
      const first = firstUse.get(material.sharedKey);
      if (first === undefined) {
        firstUse.set(material.sharedKey, { matter, material });
      } else if (first.material.name !== material.name || first.material.form !== material.form) {
        problems.push(
          `${materialEntry(matter, material)}：${m.sharedKeyMismatch(material.sharedKey, materialEntry(first.matter, first.material))}`,
        );
      }
    }
  }
  return problems;
}

function bundleProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const matterCodes = new Set<string>(catalogue.matters.map((matter) => matter.code));
  for (const bundle of catalogue.bundles) {
    const entry = m.bundleEntry(bundle.name, bundle.code);
    const seen = new Set<string>();
    for (const code of bundle.matterCodes) {
      if (!matterCodes.has(code)) problems.push(`${entry}：${m.bundleUnknownMatter(code)}`);
      if (seen.has(code)) problems.push(`${entry}：${m.bundleDuplicateMatter(code)}`);
      seen.add(code);
    }
  }
  return problems;
}
