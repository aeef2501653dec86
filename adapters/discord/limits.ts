/** Discord's message limits (https://discord.com/developers/docs/resources/message). */
export const limits = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  embedsPerMessage: 10,
  embedCharsPerMessage: 6000,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabel: 80,
} as const;
