import type { ComponentChildren } from 'preact';
import type { Criterion, EligibilityResult } from '../../../../shared/calls/schemas';
import { Attachments } from '../../components/attachments';
import { Checkbox, NumberField, RadioGroup, TextField } from '../../components/form';
import { Badge } from '../../components/page';
import { budgetLabels, criterionStatusLabels } from '../../i18n/labels';
import { focusField } from './fields';
import { type FieldErrors, linkedField, parseNumber, str, type Values } from './values';

export function SectionErrors(props: { name: string; errors: FieldErrors }) {
  const errs = props.errors[props.name];
  if (!errs?.length) return null;
  return (
    <p class="field-message" data-field={props.name}>
      {errs.join(' ')}
    </p>
  );
}

/** A criterion whose answer is a fact of the structure section: shown here, typed there. */
function LinkedAnswer(props: { criterion: Criterion; field: 'structure.staffFte' | 'structure.budgetSituation'; values: Values; errors: FieldErrors }) {
  const c = props.criterion;
  const key = `answers.${c.criterionId}`;
  const typed = str(props.values, props.field);
  const fte = parseNumber(typed);
  const value =
    props.field === 'structure.staffFte'
      ? typed
        ? `${Number.isNaN(fte) ? typed : String(fte).replace('.', ',')} ${c.kind === 'number' ? c.unit : ''}`.trim()
        : null
      : typed
        ? `${typed === 'structural-deficit' ? 'Oui' : 'Non'} (situation budgétaire : ${(budgetLabels[typed] ?? typed).toLowerCase()})`
        : null;
  const what = props.field === 'structure.staffFte' ? 'l’effectif (ETP)' : 'la situation budgétaire';
  const errs = props.errors[key] ?? [];
  return (
    <div class={`field linked-answer${errs.length ? ' field-error' : ''}`} data-field={key}>
      <p>
        <strong>
          {c.criterionId} — {c.label}
        </strong>
      </p>
      {c.description && <p class="hint">{c.description}</p>}
      <p data-testid={`linked-${c.criterionId}`}>
        {value ? <strong>{value}</strong> : <em>À renseigner dans la section Structure</em>}
        {' · '}
        <a
          href={`#${props.field}`}
          onClick={(e) => {
            e.preventDefault();
            focusField(props.field);
          }}
        >
          modifier dans la section Structure
        </a>
      </p>
      <p class="hint">Réponse reprise de {what} déclarée dans la section Structure : cette information ne se saisit qu’une fois.</p>
      {errs.length > 0 && <p class="field-message">{errs.join(' ')}</p>}
    </div>
  );
}

export function CriterionInput(props: { applicationId: string; criterion: Criterion; values: Values; set: (k: string, v: string | boolean) => void; errors: FieldErrors; result?: EligibilityResult['results'][number] }) {
  const c = props.criterion;
  const key = `answers.${c.criterionId}`;
  const v = props.values;
  const label = `${c.criterionId} — ${c.label}`;
  const linked = linkedField(c);
  let input: ComponentChildren;
  if (linked) input = <LinkedAnswer criterion={c} field={linked} values={v} errors={props.errors} />;
  else
    switch (c.kind) {
      case 'number':
        input = <NumberField name={key} label={label} value={str(v, key)} onInput={(x) => props.set(key, x)} errors={props.errors} suffix={c.unit} hint={c.description || undefined} />;
        break;
      case 'yes_no':
        input = (
          <RadioGroup name={key} label={label} inline value={typeof v[key] === 'string' ? (v[key] as string) : ''} onChange={(x) => props.set(key, x)} errors={props.errors} hint={c.description || undefined} options={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} />
        );
        break;
      case 'choice':
        input = <RadioGroup name={key} label={label} value={str(v, key)} onChange={(x) => props.set(key, x)} errors={props.errors} hint={c.description || undefined} options={c.options} />;
        break;
      case 'document':
        input = (
          <>
            <TextField name={key} label={label} value={str(v, key)} onInput={(x) => props.set(key, x)} errors={props.errors} hint={`${c.documentLabel} : joignez le fichier ci-dessous (son nom s’inscrit ici), ou donnez le nom ou le lien du document`} wide />
            <Attachments
              parent={{ kind: 'application', applicationId: props.applicationId, criterionId: c.criterionId }}
              name={`document-${c.criterionId}`}
              label={`Fichier : ${c.documentLabel}`}
              editable
              onChange={(docs) => props.set(key, docs.map((d) => d.fileName).join(' ; '))}
            />
          </>
        );
        break;
      case 'signed_attestation':
        input = (
          <fieldset class="fieldset" data-field={key}>
            <legend>{label}</legend>
            <Checkbox name={key} label={`Signé par : ${c.signerRole}`} checked={v[key] === true} onChange={(x) => props.set(key, x)} errors={props.errors} />
            <div class="grid">
              <TextField name={`${key}.signerName`} label="Nom du ou de la signataire" value={str(v, `${key}.signerName`)} onInput={(x) => props.set(`${key}.signerName`, x)} errors={props.errors} />
              <TextField name={`${key}.signedOn`} type="date" label="Date de signature" value={str(v, `${key}.signedOn`)} onInput={(x) => props.set(`${key}.signedOn`, x)} errors={props.errors} />
            </div>
            {c.alternativeEvidence && (
              <>
                <Checkbox
                  name={`${key}.alternative`}
                  label="Je fournis un justificatif équivalent à la signature"
                  hint={`Accepté une fois vérifié par l’équipe Ansa : ${c.alternativeEvidence}.`}
                  checked={v[`${key}.alternative`] === true}
                  onChange={(x) => props.set(`${key}.alternative`, x)}
                  errors={props.errors}
                />
                {v[`${key}.alternative`] === true && (
                  <div class="grid">
                    <TextField name={`${key}.alternativeDescription`} label="Justificatif fourni" value={str(v, `${key}.alternativeDescription`)} onInput={(x) => props.set(`${key}.alternativeDescription`, x)} errors={props.errors} wide />
                    <TextField name={`${key}.alternativeDocument`} label="Nom ou lien du document (facultatif)" value={str(v, `${key}.alternativeDocument`)} onInput={(x) => props.set(`${key}.alternativeDocument`, x)} errors={props.errors} wide />
                  </div>
                )}
              </>
            )}
          </fieldset>
        );
        break;
    }
  const r = props.result;
  return (
    <div class={`criterion-input ${r?.status ?? ''}`} data-criterion={c.criterionId}>
      {input}
      {r && (
        <p class={`criterion-feedback ${r.status}`} data-testid={`feedback-${c.criterionId}`}>
          <Badge tone={r.status === 'met' ? 'success' : r.status === 'unmet' ? 'danger' : 'warning'}>{criterionStatusLabels[r.status]}</Badge> {r.reason}
        </p>
      )}
      {c.requiresEvidence && c.kind !== 'document' && (
        <Attachments
          parent={{ kind: 'application', applicationId: props.applicationId, criterionId: c.criterionId }}
          name={`evidence-${c.criterionId}`}
          label={`Pièces justificatives du critère ${c.criterionId}`}
          hint="Ce critère sera vérifié sur pièces par l’équipe Ansa : joignez ici les justificatifs."
          editable
        />
      )}
    </div>
  );
}
