import type { z } from 'zod';
import { catalogueMessages as m, fieldLabels } from './messages';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/**
 * Turns zod's issues into Chinese sentences that name the entry an HQ editor must fix, e.g.
 * "事项 有限责任公司设立登记（510700-0001）的材料“公司章程”的份数：不能小于 1". Names and codes are read
 * from the raw input, since the entry itself failed to parse.
 */
export function describeShapeIssue(raw: unknown, issue: Issue): string {
  const { entry, rest } = locateEntry(raw, issue.path);
  const field = describeField(rest);
  const where = field === undefined ? entry : m.withField(entry, field);
  return `${where}：${describeProblem(raw, issue)}`;
}

function locateEntry(raw: unknown, path: readonly PathKey[]): { entry: string; rest: readonly PathKey[] } {
  const [top, topIndex] = path;
  if (top === 'matters' && typeof topIndex === 'number') {
    const matter = childAt(childAt(raw, 'matters'), topIndex);
    const name = textAt(matter, 'name');
    const code = textAt(matter, 'code');
    const matterEntry = name !== undefined && code !== undefined ? m.matterEntry(name, code) : m.matterAt(topIndex);
    return locateInMatter(matter, matterEntry, path.slice(2));
  }
  if (top === 'bundles' && typeof topIndex === 'number') {
    const bundle = childAt(childAt(raw, 'bundles'), topIndex);
    const name = textAt(bundle, 'name');
    const code = textAt(bundle, 'code');
    const bundleEntry = name !== undefined && code !== undefined ? m.bundleEntry(name, code) : m.bundleAt(topIndex);
    return { entry: bundleEntry, rest: path.slice(2) };
  }
  return { entry: m.catalogueEntry, rest: path };
}

function locateInMatter(
  matter: unknown,
  matterEntry: string,
  path: readonly PathKey[],
): { entry: string; rest: readonly PathKey[] } {
  const [list, index] = path;
  if (list === 'materials' && typeof index === 'number') {
    const name = textAt(childAt(childAt(matter, 'materials'), index), 'name');
    return {
      entry: matterEntry + (name === undefined ? m.materialAt(index) : m.materialEntry(name)),
      rest: path.slice(2),
    };
  }
  if (list === 'questions' && typeof index === 'number') {
    const question = childAt(childAt(matter, 'questions'), index);
    const label = textAt(question, 'label');
    const id = textAt(question, 'id');
    const questionEntry =
      matterEntry + (label !== undefined && id !== undefined ? m.questionEntry(label, id) : m.questionAt(index));
    const [optionList, optionIndex] = path.slice(2);
    if (optionList === 'options' && typeof optionIndex === 'number') {
      return { entry: questionEntry + m.optionAt(optionIndex), rest: path.slice(4) };
    }
    return { entry: questionEntry, rest: path.slice(2) };
  }
  return { entry: matterEntry, rest: path };
}

/** "份数", "法律依据第 2 项", or for anything inside a condition just "适用条件". */
function describeField(rest: readonly PathKey[]): string | undefined {
  const [key, index] = rest;
  if (typeof key !== 'string') return undefined;
  const label = fieldLabels[key] ?? key;
  if (key === 'condition') return label;
  return typeof index === 'number' ? `${label}${m.itemAt(index)}` : label;
}

function describeProblem(raw: unknown, issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(raw, issue.path) === undefined ? m.missing : m.wrongType(issue.expected);
    case 'too_small': {
      // Text is length-checked by `cleanText`; here a string can only be empty after trimming.
      if (issue.origin === 'string') return m.emptyText;
      if (issue.origin === 'array') return m.tooFewItems(Number(issue.minimum));
      return m.numberTooSmall(Number(issue.minimum));
    }
    case 'too_big':
      return issue.origin === 'array' ? m.tooManyItems(Number(issue.maximum)) : m.numberTooLarge(Number(issue.maximum));
    case 'invalid_value':
      return m.notOneOf(issue.values);
    case 'unrecognized_keys':
      return m.unknownFields(issue.keys);
    case 'invalid_union':
      // A discriminated union (question kinds) names its allowed values; plain unions carry our message.
      return 'options' in issue && issue.options !== undefined ? m.notOneOf(issue.options) : issue.message;
    default:
      return issue.message;
  }
}

function valueAt(raw: unknown, path: readonly PathKey[]): unknown {
  return path.reduce<unknown>((node, key) => childAt(node, key), raw);
}

function childAt(node: unknown, key: PathKey): unknown {
  if (typeof node !== 'object' || node === null) return undefined;
  if (Array.isArray(node)) return typeof key === 'number' ? node[key] : undefined;
  return typeof key === 'string' ? (node as Record<string, unknown>)[key] : undefined;
}

function textAt(node: unknown, key: string): string | undefined {
  const value = childAt(node, key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
