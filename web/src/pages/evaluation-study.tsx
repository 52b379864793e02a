import { useState } from 'preact/hooks';
import type { StageView } from '../../../shared/evaluation/views';
import type { ImportPreview, ImportResult, Interview, InterviewRole } from '../../../shared/evaluation/study-schemas';
import { get, post, type Page as ApiPage } from '../api/client';
import type { Essaime, Season } from '../api/types';
import { ErrorSummary, Form, Select, SubmitButton, TextArea, TextField } from '../components/form';
import { Badge, Loaded, Page, Section } from '../components/page';
import { Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, usePagedApi } from '../hooks';
import { countOf, formatDate, formatDecimal } from '../i18n/format';
import { Link } from '../router';

/** Stage 1's phone-interview log and stage 2's CSV import of figures (staff). */

const roleLabels: Record<InterviewRole, string> = {
  director: 'Direction de la structure',
  referent: 'Référent du programme',
  cre: 'Chargé de relation entreprises',
  'team-lead': 'Responsable d’équipe',
  professional: 'Autre professionnel de la structure',
  prescriber: 'Représentant du prescripteur',
  other: 'Autre',
};

function useStageAndEssaimes(stageId: string) {
  return useApi(
    async (signal) => {
      const stage = await get<StageView>(`/stages/${encodeURIComponent(stageId)}`, undefined, signal);
      const season = await get<Season>(`/seasons/${stage.seasonId}`, undefined, signal);
      const essaimes = await get<ApiPage<Essaime>>(`/seasons/${stage.seasonId}/essaimes`, { limit: 50 }, signal);
      return { stage, season, essaimes: essaimes.items };
    },
    [stageId],
  );
}

export function InterviewsPage(props: { stageId: string }) {
  const ctx = useStageAndEssaimes(props.stageId);
  const [tick, setTick] = useState(0);
  const list = usePagedApi((cursor, signal) => get<ApiPage<Interview>>(`/stages/${encodeURIComponent(props.stageId)}/interviews`, { cursor, limit: 20 }, signal), [props.stageId, tick]);
  const form = useForm(`interview-${props.stageId}`, { essaimeId: '', interviewedOn: '', personRole: '', notes: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const onSubmit = async () => {
    setNotice(null);
    const ok = await form.submit(() => post(`/stages/${props.stageId}/interviews`, { essaimeId: v.essaimeId || undefined, interviewedOn: v.interviewedOn || undefined, personRole: v.personRole || undefined, notes: v.notes }), ['essaimeId', 'interviewedOn', 'personRole', 'notes']);
    if (ok) {
      form.clear();
      setNotice('Entretien enregistré.');
      setTick((t) => t + 1);
    }
  };
  return (
    <Loaded resource={ctx}>
      {({ stage, essaimes }) => (
        <Page title={`Entretiens téléphoniques — ${stage.name}`} subtitle="Le premier retour s’appuie sur des entretiens avec les sites essaimés. Le journal ne nomme personne : la fonction de la personne, jamais son nom." trail={[{ href: '/evaluation', label: 'Évaluation' }]}>
          <Section title="Noter un entretien">
            <Notice message={notice} />
            <Form onSubmit={() => void onSubmit()} label="Noter un entretien">
              <ErrorSummary messages={form.formError} />
              <Select name="essaimeId" label="Structure" required value={v.essaimeId} onChange={(x) => form.set('essaimeId', x)} errors={form.errors} placeholder="Choisir" options={essaimes.map((e) => ({ value: e.essaimeId, label: e.structureName }))} />
              <TextField name="interviewedOn" type="date" label="Date de l’entretien" required value={v.interviewedOn} onInput={(x) => form.set('interviewedOn', x)} errors={form.errors} />
              <Select name="personRole" label="Fonction de la personne interrogée" required value={v.personRole} onChange={(x) => form.set('personRole', x)} errors={form.errors} placeholder="Choisir" options={Object.entries(roleLabels).map(([value, label]) => ({ value, label }))} />
              <TextArea name="notes" label="Notes (sans nom, adresse électronique ni téléphone)" required value={v.notes} onInput={(x) => form.set('notes', x)} errors={form.errors} rows={4} />
              <SubmitButton busy={form.submitting}>Enregistrer l’entretien</SubmitButton>
            </Form>
          </Section>
          <Section title="Journal des entretiens">
            <Loaded resource={list} inline>
              {(page) => (
                <>
                  <Table
                    caption="Journal des entretiens"
                    captionHidden
                    rows={page.items}
                    rowKey={(i) => i.interviewId}
                    empty="Aucun entretien noté pour cette étape."
                    columns={[
                      { key: 'date', label: 'Date', render: (i) => formatDate(i.interviewedOn) },
                      { key: 'structure', label: 'Structure', render: (i) => i.structureName },
                      { key: 'role', label: 'Fonction', render: (i) => roleLabels[i.personRole] },
                      { key: 'notes', label: 'Notes', render: (i) => i.notes },
                    ]}
                  />
                  <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={() => void list.next()} />
                </>
              )}
            </Loaded>
          </Section>
        </Page>
      )}
    </Loaded>
  );
}

/** Reads the chosen file as text (UTF-8; a byte-order mark is dropped by the server). */
function readFile(file: File): Promise<string> {
  return file.text();
}

export function FiguresImportPage(props: { stageId: string }) {
  const ctx = useStageAndEssaimes(props.stageId);
  const form = useForm<{ csv: string }>(null, { csv: '' });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const onPreview = async () => {
    setResult(null);
    const answer = await form.submit(() => post<ImportPreview>(`/stages/${props.stageId}/figures-import/preview`, { csv: form.values.csv }), ['csv']);
    if (answer) setPreview(answer);
  };
  const onImport = async () => {
    const answer = await form.submit(() => post<ImportResult>(`/stages/${props.stageId}/figures-import`, { csv: form.values.csv }), ['csv']);
    if (answer) {
      setResult(answer);
      setPreview(null);
      form.clear();
    }
  };
  const keys = preview ? [...new Set(preview.rows.flatMap((r) => Object.keys(r.indicators)))] : [];
  return (
    <Loaded resource={ctx}>
      {({ stage }) => (
        <Page title={`Importer des chiffres — ${stage.name}`} subtitle="Données exportées du logiciel de suivi : une ligne par structure essaimée. Rien n’est enregistré tant qu’une ligne est invalide." trail={[{ href: '/evaluation', label: 'Évaluation' }]}>
          <Notice message={result ? `${countOf(result.imported, 'rapport importé et accepté : il compte', 'rapports importés et acceptés : ils comptent')} désormais dans le tableau de bord.` : null} />
          {result && (
            <p>
              <Link href={`/tableau-de-bord?saison=${stage.seasonId}&etape=${stage.stageId}`}>Voir le tableau de bord de l’étape</Link>
            </p>
          )}
          <Section title="Fichier CSV">
            <p class="hint">
              Colonnes : <code>structure</code> (nom ou identifiant), <code>periodStart</code>, <code>periodEnd</code> (AAAA-MM-JJ), puis les clés des indicateurs de l’étape : {stage.template.indicators.map((i) => i.key).join(', ')}. Séparateur « ; » ou « , ».
            </p>
            <Form onSubmit={() => void onPreview()} label="Importer des chiffres">
              <ErrorSummary messages={form.formError} />
              <div class="field">
                <label for="csv-file">Fichier à importer</label>
                <input id="csv-file" type="file" accept=".csv,text/csv" onChange={async (e) => {
                  const file = (e.currentTarget as HTMLInputElement).files?.[0];
                  if (file) form.set('csv', await readFile(file));
                }} />
              </div>
              <TextArea name="csv" label="Contenu du fichier (modifiable)" required value={form.values.csv} onInput={(x) => form.set('csv', x)} errors={form.errors} rows={6} />
              <SubmitButton busy={form.submitting}>Prévisualiser</SubmitButton>
            </Form>
          </Section>
          {preview && (
            <Section title="Aperçu" actions={preview.valid ? <Badge tone="success">Toutes les lignes sont valides</Badge> : <Badge tone="danger">Lignes invalides : rien ne sera enregistré</Badge>}>
              {preview.headerErrors.length > 0 && (
                <ul class="alert alert-danger" data-testid="header-errors">
                  {preview.headerErrors.map((e) => <li key={`${e.line}-${e.field}`}>Ligne {e.line}, colonne « {e.field} » : {e.message}</li>)}
                </ul>
              )}
              <Table
                caption="Aperçu de l’import"
                captionHidden
                rows={preview.rows}
                rowKey={(r) => String(r.line)}
                columns={[
                  { key: 'line', label: 'Ligne', numeric: true, render: (r) => r.line },
                  { key: 'structure', label: 'Structure', render: (r) => r.structureName },
                  { key: 'period', label: 'Période', render: (r) => (r.period ? `${formatDate(r.period.start)} – ${formatDate(r.period.end)}` : '—') },
                  ...keys.map((k) => ({ key: k, label: k, numeric: true, render: (r: ImportPreview['rows'][number]) => formatDecimal(r.indicators[k]) })),
                  { key: 'errors', label: 'Erreurs', render: (r) => (r.errors.length ? <ul class="row-errors">{r.errors.map((e) => <li key={e.field}>Colonne « {e.field} » : {e.message}</li>)}</ul> : <Badge tone="success">Valide</Badge>) },
                ]}
              />
              {preview.valid && (
                <Form onSubmit={() => void onImport()} label="Confirmer l’import">
                  <SubmitButton busy={form.submitting}>Importer {countOf(preview.rows.length, 'ligne', 'lignes')}</SubmitButton>
                </Form>
              )}
            </Section>
          )}
        </Page>
      )}
    </Loaded>
  );
}
