/** Data access of tutoring, by concern. See docs/data-model.md ("Tutoring") and shared/db/entities/tutoring.ts. */
export * from './assignments';
export * from './guide';
export * from './requests';
export * from './settings';
export * from './tutors';
