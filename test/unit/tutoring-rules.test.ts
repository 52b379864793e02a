import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../shared/documents/pdf';
import {
  buildGuide,
  contactDetailsIn,
  guideToMarkdown,
  guideToPdfReport,
  isOverdue,
  namesFoundIn,
  redactNames,
  reviewHints,
  sensitiveTermsFor,
} from '../../shared/tutoring/rules';

const terms = sensitiveTermsFor({
  structureNames: ['Passerelle', "Act'Eure Insertion"],
  placeNames: ['Ville de Thiers'],
  personNames: ['Nadia Benali', 'Michel Lacoste', 'Karim Haddad', 'Erwan Le Bihan', 'Élodie Fabre'],
});

describe('generalised wording: no structure or person name', () => {
  it('derives the names to refuse: structures, distinctive place words, full names, first and last names', () => {
    for (const t of ['passerelle', 'act eure insertion', 'ville de thiers', 'thiers', 'nadia benali', 'benali', 'nadia', 'karim', 'le bihan', 'bihan', 'elodie']) {
      expect(terms).toContain(t);
    }
    expect(terms).not.toContain('ville');
    expect(terms).not.toContain('le');
  });

  it('finds names whatever the case, accents or punctuation, as whole words only', () => {
    expect(namesFoundIn('Chez PASSERELLE, Karim a...', terms)).toEqual(expect.arrayContaining(['passerelle', 'karim']));
    expect(namesFoundIn("L'équipe d'Act’Eure Insertion", terms)).toContain('act eure insertion');
    expect(namesFoundIn('Elodie et M. Le Bihan', terms)).toEqual(expect.arrayContaining(['elodie', 'le bihan']));
    expect(namesFoundIn('Les coutelleries de Thiers', terms)).toContain('thiers');
    expect(namesFoundIn('Une structure doit prospecter les petites entreprises.', terms)).toEqual([]);
    expect(namesFoundIn('Karimo et Benalia', terms)).toEqual([]);
  });

  it('finds contact details', () => {
    expect(contactDetailsIn('Écrire à nadia@passerelle.example')).toEqual(['adresse électronique']);
    expect(contactDetailsIn('Appeler le 04 73 80 12 34')).toEqual(['numéro de téléphone']);
    expect(contactDetailsIn('Prévoir dix visites par semaine')).toEqual([]);
  });

  it('redacts names in place, keeping the rest of the text', () => {
    expect(redactNames('Karim Haddad de Passerelle a appelé.', terms)).toBe('[…] de […] a appelé.');
    expect(redactNames('Rien à masquer.', terms)).toBe('Rien à masquer.');
    expect(redactNames('Chez ÉLODIE', terms)).toBe('Chez […]');
  });

  it('hints at capitalised words of the thread that reappear in the wording', () => {
    const raw = 'Bonjour, nous travaillons avec la société Durandal et M. Fournier. Merci.';
    expect(reviewHints(raw, 'Comment fidéliser une entreprise comme Durandal ?')).toEqual(['Durandal']);
    expect(reviewHints(raw, 'Comment fidéliser une entreprise ?')).toEqual([]);
  });
});

describe('overdue', () => {
  it('is overdue only while awaiting a first answer past the due date', () => {
    const dueAt = '2019-11-18T16:00:00.000Z';
    expect(isOverdue({ status: 'awaiting-answer', dueAt }, new Date('2019-11-18T16:00:01Z'))).toBe(true);
    expect(isOverdue({ status: 'awaiting-answer', dueAt }, new Date('2019-11-18T15:00:00Z'))).toBe(false);
    expect(isOverdue({ status: 'answered', dueAt }, new Date('2019-12-01T00:00:00Z'))).toBe(false);
  });
});

describe('guide d’essaimage', () => {
  const entry = (over: Partial<Parameters<typeof buildGuide>[0][number]>) => ({
    status: 'reviewed' as const,
    axis: 'prospecting' as const,
    question: 'Question ?',
    answer: 'Réponse.',
    createdAt: '2019-11-01T10:00:00.000Z',
    sensitiveTerms: terms,
    ...over,
  });

  const entries = [
    entry({ axis: 'transformation', question: 'Comment associer le conseil d’administration ?', createdAt: '2019-11-05T10:00:00.000Z' }),
    entry({ axis: 'prospecting', question: 'Faut-il prendre rendez-vous ?', createdAt: '2019-11-03T10:00:00.000Z' }),
    entry({ axis: 'prospecting', question: 'Combien de visites par semaine ?', createdAt: '2019-11-02T10:00:00.000Z' }),
    entry({ status: 'proposed', axis: 'loyalty', question: 'Proposée seulement ?' }),
    entry({ status: 'rejected', axis: 'matching', question: 'Rejetée ?' }),
    entry({ axis: 'matching', question: 'Que dire à Karim de Passerelle ?', answer: 'Voir avec Nadia Benali à Thiers.' }),
  ];

  it('holds only reviewed entries, grouped by the five axes in programme order', () => {
    const guide = buildGuide(entries, 'Saison 2019-2020');
    expect(guide.entryCount).toBe(4);
    expect(guide.sections.map((s) => s.axis)).toEqual(['prospecting', 'loyalty', 'jobseeker-support', 'matching', 'transformation']);
    expect(guide.sections[0]!.entries.map((e) => e.question)).toEqual(['Combien de visites par semaine ?', 'Faut-il prendre rendez-vous ?']);
    expect(guide.sections[1]!.entries).toEqual([]);
    const all = JSON.stringify(guide);
    expect(all).not.toContain('Proposée seulement');
    expect(all).not.toContain('Rejetée');
  });

  it('redacts any name that slipped through, in Markdown and in the PDF content', () => {
    const guide = buildGuide(entries, 'Saison 2019-2020');
    const markdown = guideToMarkdown(guide);
    const pdfText = JSON.stringify(guideToPdfReport(guide));
    for (const text of [markdown, pdfText]) {
      for (const name of ['Karim', 'Passerelle', 'Nadia', 'Benali', 'Thiers']) expect(text).not.toContain(name);
    }
    expect(markdown).toContain('### Que dire à […] de […] ?');
  });

  it('renders Markdown with one heading per axis and a PDF that opens', async () => {
    const guide = buildGuide(entries, 'Saison 2019-2020');
    const markdown = guideToMarkdown(guide);
    expect(markdown.startsWith("# Guide d'essaimage de la méthode A.CO.R.\n")).toBe(true);
    expect(markdown.match(/^## /gm)).toHaveLength(5);
    expect(markdown).toContain('## 5. Transformer la structure');
    expect(markdown).toContain('Aucune question retenue pour cet axe.');
    const pdf = await PDFDocument.load(await renderPdf(guideToPdfReport(guide)));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toBe("Guide d'essaimage de la méthode A.CO.R.");
  });
});
