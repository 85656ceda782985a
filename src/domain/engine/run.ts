/** The whole decision step: entities → facts → verdicts → nominations, plus every issue and flag. */
import type { Issue } from '../issues';
import type { Model } from '../model';
import type { RuleSet } from '../rules/types';
import { DecisionBook, type Decision } from './decisions';
import { Evaluation } from './evaluate';
import { computeFacts } from './facts';
import { FlagList } from './flags';
import { resolveParams, type Params } from './params';
import { allocateQuotas, type Nomination } from './quotas';

export interface Outcome {
  model: Model;
  rules: RuleSet;
  params: Params;
  evaluation: Evaluation;
  nominations: Nomination[];
  decisions: DecisionBook;
  /** Data issues of the reading step and of the engine. */
  issues: Issue[];
  /** Automatic review flags (missing evidence, late registration). */
  flags: FlagList;
}

export function decide(model: Model, rules: RuleSet, paramOverrides: Params = {}, decisionList: Decision[] = []): Outcome {
  const params = resolveParams(rules, paramOverrides);
  const decisions = new DecisionBook(decisionList);
  const facts = computeFacts(model, rules, params, decisions);
  const evaluation = new Evaluation(model, rules, params, facts);
  const nominations = allocateQuotas(evaluation, decisions);
  const flags = new FlagList(model.initiatives);
  for (let n = 0; n < model.initiatives.length; n++) facts.evidence.addFlags(flags, model.initiatives[n]!);
  const issues = model.issues.concat(facts.issues);
  return { model, rules, params, evaluation, nominations, decisions, issues, flags };
}
