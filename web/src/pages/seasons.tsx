import { get, patch, post, type Page as ApiPage } from '../api/client';
import type { EssaimeRow } from '../../../shared/essaimes/schemas';
import type { Hypothesis, Season, SeasonStatus } from '../../../shared/seasons/schemas';
import { CheckboxGroup, ErrorSummary, Form, Select, SubmitButton, TextField, toNumber } from '../components/form';
import { Badge, DescriptionList, Loaded, Page, Section } from '../components/page';
import { Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { formatDate, formatNumber } from '../i18n/format';
import { hypothesisShort, label, seasonStatusLabels, settingLabels } from '../i18n/labels';
import { Link, navigate } from '../router';
import { useState } from 'preact/hooks';

export const statusTone: Record<SeasonStatus, 'info' | 'success' | 'neutral'> = { planning: 'info', running: 'success', closed: 'neutral' };

export function SeasonsPage() {
  const me = useMe();
  const list = usePagedApi((cursor, signal) => get<ApiPage<Season>>('/seasons', { cursor, limit: 10 }, signal), []);
  return (
    <Page title="Saisons du programme" subtitle="Chaque saison réunit un appel à territoires, une cohorte d’essaimés, la formation-action et l’évaluation.">
      <Section title="Saisons">
        <Loaded resource={list} inline>
          {(page) => (
            <>
              <Table
                caption="Saisons, de la plus récente à la plus ancienne"
                captionHidden
                rows={page.items}
                rowKey={(s) => s.seasonId}
                columns={[
                  { key: 'name', label: 'Saison', render: (s) => <Link href={`/saisons/${s.seasonId}`}>{s.name}</Link> },
                  { key: 'year', label: 'Année', render: (s) => s.year },
                  { key: 'dates', label: 'Période', render: (s) => `du ${formatDate(s.startDate)} au ${formatDate(s.endDate)}` },
                  { key: 'hyp', label: 'Hypothèses', render: (s) => s.hypotheses.map((h) => hypothesisShort[h]).join(', ') },
                  { key: 'status', label: 'Statut', render: (s) => <Badge tone={statusTone[s.status]}>{seasonStatusLabels[s.status]}</Badge> },
                ]}
                empty="Aucune saison pour l’instant."
              />
              <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
            </>
          )}
        </Loaded>
      </Section>
      {me.role === 'staff' && <CreateSeason />}
    </Page>
  );
}

const seasonFields = ['name', 'year', 'startDate', 'endDate', 'hypotheses'] as const;
const seasonLabels: Record<string, string> = { name: 'Nom', year: 'Année', startDate: 'Date de début', endDate: 'Date de fin', hypotheses: 'Hypothèses' };

function CreateSeason() {
  const form = useForm('create-season', { name: '', year: '', startDate: '', endDate: '', hypotheses: ['A', 'B'] as string[] });
  const { values, set, errors } = form;
  const onSubmit = async () => {
    const season = await form.submit(
      () =>
        post<Season>('/seasons', {
          name: values.name,
          year: toNumber(values.year),
          startDate: values.startDate,
          endDate: values.endDate,
          hypotheses: values.hypotheses,
        }),
      seasonFields,
    );
    if (season) {
      form.clear();
      navigate(`/saisons/${season.seasonId}`);
    }
  };
  return (
    <Section title="Créer une saison">
      <Form onSubmit={onSubmit} label="Créer une saison">
        <ErrorSummary messages={form.formError} errors={errors} labels={seasonLabels} />
        <div class="grid">
          <TextField name="name" label="Nom" required value={values.name} onInput={(v) => set('name', v)} errors={errors} hint="Par exemple : Saison 2021-2022 — essaimage A.CO.R." wide />
          <TextField name="year" label="Année" required value={values.year} onInput={(v) => set('year', v)} errors={errors} />
          <TextField name="startDate" type="date" label="Date de début" required value={values.startDate} onInput={(v) => set('startDate', v)} errors={errors} />
          <TextField name="endDate" type="date" label="Date de fin" required value={values.endDate} onInput={(v) => set('endDate', v)} errors={errors} />
          <CheckboxGroup
            name="hypotheses"
            label="Hypothèses retenues"
            values={values.hypotheses}
            onChange={(v) => set('hypotheses', v)}
            errors={errors}
            options={[
              { value: 'A', label: hypothesisShort.A },
              { value: 'B', label: hypothesisShort.B },
            ]}
          />
        </div>
        <SubmitButton busy={form.submitting}>Créer la saison</SubmitButton>
      </Form>
    </Section>
  );
}

export function SeasonPage(props: { seasonId: string }) {
  const me = useMe();
  const season = useApi((signal) => get<Season>(`/seasons/${encodeURIComponent(props.seasonId)}`, undefined, signal), [props.seasonId]);
  return (
    <Loaded resource={season}>
      {(s) => (
        <Page
          title={s.name}
          trail={[{ href: '/saisons', label: 'Saisons' }]}
          subtitle={
            <>
              <Badge tone={statusTone[s.status]}>{seasonStatusLabels[s.status]}</Badge> du {formatDate(s.startDate)} au {formatDate(s.endDate)}
            </>
          }
        >
          <Section title="Caractéristiques">
            <DescriptionList
              items={[
                ['Année', s.year],
                ['Hypothèses retenues', s.hypotheses.map((h) => hypothesisShort[h]).join(', ') || '—'],
                ['Dernière modification', formatDate(s.updatedAt)],
              ]}
            />
          </Section>
          {me.role === 'staff' && <EditSeason season={s} onSaved={season.set} />}
          <SeasonEssaimes seasonId={s.seasonId} />
        </Page>
      )}
    </Loaded>
  );
}

function EditSeason(props: { season: Season; onSaved: (s: Season) => void }) {
  const s = props.season;
  const form = useForm(`edit-season-${s.seasonId}-${s.version}`, { name: s.name, status: s.status as string, hypotheses: s.hypotheses as string[] });
  const [notice, setNotice] = useState<string | null>(null);
  const { values, set, errors } = form;
  const onSubmit = async () => {
    setNotice(null);
    const saved = await form.submit(
      () => patch<Season>(`/seasons/${s.seasonId}`, { expectedVersion: s.version, name: values.name, status: values.status as SeasonStatus, hypotheses: values.hypotheses as Hypothesis[] }),
      ['name', 'status', 'hypotheses'],
    );
    if (saved) {
      form.clear({ name: saved.name, status: saved.status, hypotheses: saved.hypotheses });
      props.onSaved(saved);
      setNotice('Saison enregistrée.');
    }
  };
  return (
    <Section title="Modifier la saison">
      <Notice message={notice} />
      <Form onSubmit={onSubmit} label="Modifier la saison">
        <ErrorSummary messages={form.formError} errors={errors} labels={seasonLabels} />
        <div class="grid">
          <TextField name="name" label="Nom" required value={values.name} onInput={(v) => set('name', v)} errors={errors} wide />
          <Select
            name="status"
            label="Statut"
            value={values.status}
            onChange={(v) => set('status', v)}
            errors={errors}
            options={(['planning', 'running', 'closed'] as const).map((v) => ({ value: v, label: seasonStatusLabels[v] }))}
          />
          <CheckboxGroup
            name="hypotheses"
            label="Hypothèses retenues (comité de gouvernance)"
            values={values.hypotheses}
            onChange={(v) => set('hypotheses', v)}
            errors={errors}
            options={[
              { value: 'A', label: hypothesisShort.A },
              { value: 'B', label: hypothesisShort.B },
            ]}
          />
        </div>
        <SubmitButton busy={form.submitting}>Enregistrer</SubmitButton>
      </Form>
    </Section>
  );
}

export function SeasonEssaimes(props: { seasonId: string; title?: string }) {
  const list = usePagedApi((cursor, signal) => get<ApiPage<EssaimeRow>>(`/seasons/${props.seasonId}/essaimes`, { cursor, limit: 20 }, signal), [props.seasonId]);
  return (
    <Section title={props.title ?? 'Structures essaimées'}>
      <Loaded resource={list} inline>
        {(page) => (
          <>
            <EssaimesTable items={page.items} />
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

export function EssaimesTable(props: { items: EssaimeRow[] }) {
  return (
    <Table
      caption="Structures essaimées"
      captionHidden
      rows={props.items}
      rowKey={(e) => e.essaimeId}
      empty="Aucune structure essaimée pour cette saison."
      columns={[
        { key: 'name', label: 'Structure', render: (e) => <Link href={`/structure-essaimee/${e.essaimeId}`}>{e.structureName}</Link> },
        { key: 'territory', label: 'Territoire', render: (e) => `${e.territory.name} (${e.territory.departementCode})` },
        { key: 'region', label: 'Région', render: (e) => e.territory.region },
        { key: 'setting', label: 'Milieu', render: (e) => label(settingLabels, e.territory.setting) },
        { key: 'hyp', label: 'Hypothèse', render: (e) => hypothesisShort[e.hypothesis] },
        { key: 'participants', label: 'Participants', numeric: true, render: (e) => `${formatNumber(e.activeParticipantCount)} / 3` },
        { key: 'tutor', label: 'Tuteur', render: (e) => (e.tutorUserId ? (e.tutorName ?? 'Tuteur assigné') : <Badge tone="warning">À assigner</Badge>) },
      ]}
    />
  );
}
