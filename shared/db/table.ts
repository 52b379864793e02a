/**
 * The single table's key schema. The CDK stack and the local/test table creation both read this,
 * so the keys and indexes the code queries are the ones that exist.
 */
export const tableSchema = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
  ttlAttribute: 'expiresAt',
} as const;

export type IndexName = (typeof tableSchema.globalIndexes)[number]['indexName'];

/** Every key attribute is a string. */
export function keyAttributeNames(): string[] {
  return [
    tableSchema.partitionKey,
    tableSchema.sortKey,
    ...tableSchema.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
}

/** CreateTable input, for DynamoDB Local (npm start, tests, bench). */
export function createTableInput(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: keyAttributeNames().map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: tableSchema.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableSchema.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: tableSchema.globalIndexes.map((i) => ({
      IndexName: i.indexName,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: i.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
