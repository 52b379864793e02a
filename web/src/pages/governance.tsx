import { useState } from 'preact/hooks';
import { get, post, type Page as ApiPage } from '../api/client';
import type { Hypothesis, Season } from '../api/types';
import type { CommitteeState, SeasonGovernanceView } from '../../../shared/governance/action-plan-schemas';
import type { Decision, Meeting, SteeringBody } from '../../../shared/governance/schemas';
import { CheckboxGroup, ErrorSummary, Form, Select, SubmitButton, TextArea, TextField } from '../components/form';
import { Badge, DescriptionList, Empty, Loaded, Page, Section } from '../components/page';
import { Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, usePagedApi } from '../hooks';
import { countOf, formatDate } from '../i18n/format';
import { hypothesisShort } from '../i18n/labels';
import { Link } from '../router';

/**
 * Governance for staff: each committee's yearly meeting (on time, due, late), the decisions in force for the
 * season, the essaimés' action plans of the year, the meetings and the form recording one with its typed
 * decisions (they apply to the season when the meeting is recorded).
 */
export const bodyLabels: Record<SteeringBody, string> = {
  'steering-body': 'Instance de pilotage resserrée',
  'governance-committee': 'Comité de gouvernance de l’essaimage',
};
const stateBadge: Record<CommitteeState, { tone: 'success' | 'warning' | 'danger'; label: string }> = {
  'on-time': { tone: 'success', label: 'À jour' },
  due: { tone: 'warning', label: 'Réunion à prévoir' },
  late: { tone: 'danger', label: 'En retard' },
};
const planBadge = {
  missing: { tone: 'warning', label: 'À établir' },
  draft: { tone: 'info', label: 'À valider' },
  validated: { tone: 'success', label: 'Validé' },
} as const;
const decisionTypeLabels: Record<Decision['type'], string> = {
  note: 'Relevé de décision',
  'choose-hypotheses': 'Choix des hypothèses de la saison',
  'validate-action-plan': 'Validation du plan d’action annuel d’un essaimé',
  'validate-indicators': 'Validation des indicateurs de résultat',
};

export function GovernancePage() {
  const list = usePagedApi((cursor, signal) => get<ApiPage<Season>>('/seasons', { cursor, limit: 10 }, signal), []);
  return (
    <Page title="Gouvernance de l’essaimage" subtitle="Les comités se réunissent au moins une fois par an ; leurs décisions s’appliquent à la saison dès l’enregistrement de la réunion.">
      <Section title="Saisons">
        <Loaded resource={list} inline>
          {(page) => (
            <>
              <Table
                caption="Gouvernance par saison"
                captionHidden
                rows={page.items}
                rowKey={(s) => s.seasonId}
                empty="Aucune saison."
                columns={[
                  { key: 'name', label: 'Saison', render: (s) => <Link href={`/gouvernance/${s.seasonId}`}>{s.name}</Link> },
                  { key: 'committees', label: 'Comités', render: (s) => <CommitteeBadges seasonId={s.seasonId} /> },
                ]}
              />
              <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
            </>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}

/** The state of a season's committees, as badges (also on the staff home). */
export function CommitteeBadges(props: { seasonId: string }) {
  const status = useApi((signal) => get<SeasonGovernanceView>(`/seasons/${props.seasonId}/governance`, undefined, signal), [props.seasonId]);
  return (
    <Loaded resource={status} inline>
      {(g) => (
        <span class="badges">
          {g.committees.map((c) => (
            <Badge key={c.body} tone={stateBadge[c.state].tone}>
              {bodyLabels[c.body]} : {stateBadge[c.state].label}
            </Badge>
          ))}
        </span>
      )}
    </Loaded>
  );
}

export function SeasonGovernancePage(props: { seasonId: string }) {
  const [tick, setTick] = useState(0);
  const season = useApi((signal) => get<Season>(`/seasons/${props.seasonId}`, undefined, signal), [props.seasonId, tick]);
  const status = useApi((signal) => get<SeasonGovernanceView>(`/seasons/${props.seasonId}/governance`, undefined, signal), [props.seasonId, tick]);
  return (
    <Loaded resource={season}>
      {(s) => (
        <Page title={`Gouvernance — ${s.name}`} trail={[{ href: '/gouvernance', label: 'Gouvernance' }]}>
          <Loaded resource={status}>
            {(g) => (
              <>
                <CommitteesSection status={g} />
                <DecisionsInForce status={g} />
                <ActionPlansSection status={g} />
                <MeetingsSection seasonId={s.seasonId} tick={tick} />
                <RecordMeeting seasonId={s.seasonId} status={g} onRecorded={() => setTick((t) => t + 1)} />
              </>
            )}
          </Loaded>
        </Page>
      )}
    </Loaded>
  );
}

function CommitteesSection(props: { status: SeasonGovernanceView }) {
  return (
    <Section title="Réunions annuelles des comités">
      <Table
        caption="Chaque comité se réunit au moins une fois par an"
        rows={props.status.committees}
        rowKey={(c) => c.body}
        columns={[
          { key: 'body', label: 'Instance', render: (c) => bodyLabels[c.body] },
          { key: 'last', label: 'Dernière réunion', render: (c) => (c.lastMeetingOn ? formatDate(c.lastMeetingOn) : 'Jamais réunie') },
          { key: 'due', label: 'À réunir avant le', render: (c) => formatDate(c.dueBy) },
          { key: 'state', label: 'État', render: (c) => <Badge tone={stateBadge[c.state].tone}>{stateBadge[c.state].label}</Badge> },
        ]}
      />
    </Section>
  );
}

function DecisionsInForce(props: { status: SeasonGovernanceView }) {
  const g = props.status;
  return (
    <Section title="Décisions en vigueur pour la saison">
      <DescriptionList
        items={[
          [
            'Hypothèses retenues',
            g.hypotheses ? `${g.hypotheses.hypotheses.map((h) => hypothesisShort[h]).join(' et ')} (comité du ${formatDate(g.hypotheses.date)})` : `Pas encore choisies par le comité de gouvernance (saison : ${g.seasonHypotheses.map((h) => hypothesisShort[h]).join(', ')})`,
          ],
          [
            'Indicateurs de résultat',
            g.indicators ? (
              <ul>
                {g.indicators.indicators.map((i) => (
                  <li key={i.label}>{i.target ? `${i.label} — ${i.target}` : i.label}</li>
                ))}
              </ul>
            ) : (
              'Pas encore validés'
            ),
          ],
        ]}
      />
    </Section>
  );
}

function ActionPlansSection(props: { status: SeasonGovernanceView }) {
  return (
    <Section title={`Plans d’action ${props.status.year}`}>
      <Table
        caption="Plan d’action annuel de chaque essaimé"
        captionHidden
        rows={props.status.actionPlans}
        rowKey={(p) => p.essaimeId}
        empty="Aucun essaimé dans cette saison."
        columns={[
          { key: 'name', label: 'Structure', render: (p) => <Link href={`/structure-essaimee/${p.essaimeId}/plan-action`}>{p.structureName}</Link> },
          { key: 'status', label: 'Plan d’action', render: (p) => <Badge tone={planBadge[p.status].tone}>{planBadge[p.status].label}</Badge> },
        ]}
      />
    </Section>
  );
}

export function DecisionText(props: { decision: Decision }) {
  return (
    <>
      <strong>{decisionTypeLabels[props.decision.type]}</strong> — {props.decision.text}
    </>
  );
}

function MeetingsSection(props: { seasonId: string; tick: number }) {
  const list = usePagedApi((cursor, signal) => get<ApiPage<Meeting>>(`/seasons/${props.seasonId}/steering-meetings`, { cursor, limit: 10 }, signal), [props.seasonId, props.tick]);
  return (
    <Section title="Réunions">
      <Loaded resource={list} inline>
        {(page) => (
          <>
            {page.items.length === 0 && <Empty>Aucune réunion enregistrée.</Empty>}
            {page.items.map((m) => (
              <article class="card" key={m.meetingId} data-testid="meeting">
                <h3>
                  {m.title} <Badge tone="neutral">{bodyLabels[m.body]}</Badge>
                </h3>
                <p class="hint">
                  Le {formatDate(m.date)} · {countOf(m.membersPresent.length, 'membre présent', 'membres présents')}
                </p>
                {m.decisions.length ? (
                  <ul>
                    {m.decisions.map((d, i) => (
                      <li key={i}>
                        <DecisionText decision={d} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>Aucune décision.</p>
                )}
              </article>
            ))}
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** Lines "Nom ; Organisation" → members; "Libellé ; cible" → indicators. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.split(';').map((p) => p.trim()))
    .filter((parts) => parts[0]);

const meetingLabels: Record<string, string> = {
  body: 'Instance',
  date: 'Date',
  title: 'Titre',
  membersPresent: 'Membres présents',
  decisions: 'Décisions',
  'decisions.0': 'Décision 1',
  'decisions.1': 'Décision 2',
  'decisions.2': 'Décision 3',
  notes: 'Notes',
};

interface DecisionDraft {
  type: Decision['type'];
  text: string;
  hypotheses: string[];
  essaimeId: string;
  indicators: string;
}
const emptyDecision = (): DecisionDraft => ({ type: 'note', text: '', hypotheses: [], essaimeId: '', indicators: '' });

function decisionBody(d: DecisionDraft, year: number): Record<string, unknown> {
  const text = d.text.trim() || undefined;
  switch (d.type) {
    case 'note':
      return { type: 'note', text: d.text };
    case 'choose-hypotheses':
      return { type: d.type, text, hypotheses: d.hypotheses as Hypothesis[] };
    case 'validate-action-plan':
      return { type: d.type, text, essaimeId: d.essaimeId, year };
    case 'validate-indicators':
      return { type: d.type, text, indicators: lines(d.indicators).map(([label, target]) => ({ label, ...(target ? { target } : {}) })) };
  }
}

function RecordMeeting(props: { seasonId: string; status: SeasonGovernanceView; onRecorded: () => void }) {
  const form = useForm(`meeting-${props.seasonId}`, { body: 'governance-committee', date: props.status.today, title: '', members: '', notes: '', decisions: [emptyDecision()] });
  const [notice, setNotice] = useState<string | null>(null);
  const { values, set, errors } = form;
  const setDecision = (i: number, change: Partial<DecisionDraft>) => set('decisions', values.decisions.map((d, j) => (i === j ? { ...d, ...change } : d)));
  const plans = props.status.actionPlans.filter((p) => p.status === 'draft');
  const onSubmit = async () => {
    setNotice(null);
    const saved = await form.submit(
      () =>
        post<Meeting>(`/seasons/${props.seasonId}/steering-meetings`, {
          body: values.body,
          date: values.date,
          ...(values.title.trim() ? { title: values.title } : {}),
          membersPresent: lines(values.members).map(([name, organisation]) => ({ name, organisation: organisation ?? '' })),
          decisions: values.decisions.filter((d) => d.type !== 'note' || d.text.trim()).map((d) => decisionBody(d, props.status.year)),
          ...(values.notes.trim() ? { notes: values.notes } : {}),
        }),
      Object.keys(meetingLabels),
    );
    if (saved) {
      form.clear();
      setNotice(saved.decisions.length ? `Réunion enregistrée avec ${countOf(saved.decisions.length, 'décision, appliquée', 'décisions, appliquées')} à la saison.` : 'Réunion enregistrée, sans décision.');
      props.onRecorded();
    }
  };
  return (
    <Section title="Enregistrer une réunion">
      <Notice message={notice} />
      <Form onSubmit={onSubmit} label="Enregistrer une réunion">
        <ErrorSummary messages={form.formError} errors={errors} labels={meetingLabels} />
        <div class="grid">
          <Select
            name="body"
            label="Instance"
            value={values.body}
            onChange={(v) => set('body', v)}
            errors={errors}
            options={(Object.keys(bodyLabels) as SteeringBody[]).map((b) => ({ value: b, label: bodyLabels[b] }))}
          />
          <TextField name="date" type="date" label="Date de la réunion" required value={values.date} onInput={(v) => set('date', v)} errors={errors} />
          <TextField name="title" label="Titre (facultatif)" value={values.title} onInput={(v) => set('title', v)} errors={errors} wide />
        </div>
        <TextArea name="membersPresent" label="Membres présents" required value={values.members} onInput={(v) => set('members', v)} errors={errors} hint="Une personne par ligne : « Nom ; Organisation »." rows={4} />
        {values.decisions.map((d, i) => (
          <fieldset class="fieldset" key={i} data-field={`decisions.${i}`}>
            <legend>Décision {i + 1}</legend>
            <Select
              name={`decisions.${i}.type`}
              label="Nature de la décision"
              value={d.type}
              onChange={(v) => setDecision(i, { type: v as Decision['type'] })}
              errors={errors}
              options={(Object.keys(decisionTypeLabels) as Decision['type'][]).map((t) => ({ value: t, label: decisionTypeLabels[t] }))}
            />
            {d.type === 'choose-hypotheses' && (
              <CheckboxGroup
                name={`decisions.${i}.hypotheses`}
                label="Hypothèses retenues pour la saison"
                values={d.hypotheses}
                onChange={(v) => setDecision(i, { hypotheses: v })}
                errors={errors}
                hint="Le comité de gouvernance choisit les hypothèses avant l’ouverture de l’appel."
                options={[
                  { value: 'A', label: `${hypothesisShort.A} — opérateur d’une collectivité` },
                  { value: 'B', label: `${hypothesisShort.B} — collectivité faisant évoluer ses équipes` },
                ]}
              />
            )}
            {d.type === 'validate-action-plan' && (
              <Select
                name={`decisions.${i}.essaimeId`}
                label={`Plan d’action ${props.status.year} à valider`}
                value={d.essaimeId}
                onChange={(v) => setDecision(i, { essaimeId: v })}
                errors={errors}
                placeholder={plans.length ? 'Choisir un essaimé' : 'Aucun plan à valider'}
                options={plans.map((p) => ({ value: p.essaimeId, label: p.structureName }))}
              />
            )}
            {d.type === 'validate-indicators' && (
              <TextArea
                name={`decisions.${i}.indicators`}
                label="Indicateurs de résultat validés"
                value={d.indicators}
                onInput={(v) => setDecision(i, { indicators: v })}
                errors={errors}
                hint="Un indicateur par ligne : « Libellé ; cible », par exemple « Personnes accompagnées en emploi ; 60 % en un an »."
                rows={3}
              />
            )}
            <TextArea
              name={`decisions.${i}.text`}
              label={d.type === 'note' ? 'Texte de la décision' : 'Texte (facultatif : rédigé à partir de la décision sinon)'}
              value={d.text}
              onInput={(v) => setDecision(i, { text: v })}
              errors={errors}
              rows={2}
            />
            <button type="button" class="button link" onClick={() => set('decisions', values.decisions.filter((_, j) => j !== i))}>
              Retirer cette décision
            </button>
          </fieldset>
        ))}
        <p>
          <button type="button" class="button secondary" onClick={() => set('decisions', [...values.decisions, emptyDecision()])}>
            Ajouter une décision
          </button>
        </p>
        <TextArea name="notes" label="Notes (facultatif)" value={values.notes} onInput={(v) => set('notes', v)} errors={errors} rows={3} />
        <SubmitButton busy={form.submitting}>Enregistrer la réunion</SubmitButton>
      </Form>
    </Section>
  );
}
